// A closed-loop load generator: `concurrency` clients each issue requests back to back until
// `total` have been sent. Returns every latency and the error count.

export async function runLoad(opts: { total: number; concurrency: number; request: (i: number) => Promise<boolean> }) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.total) {
        const i = next++;
        const t = performance.now();
        const ok = await opts.request(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  return { latencies, errors, elapsedMs: performance.now() - started };
}

/**
 * A time-boxed closed loop: `clients` each run their own session until `ms` have passed (the
 * session asks `live()` between steps and finishes the step it is in). Returns when the window
 * started and ended, and the wall time until the last client stopped.
 */
export async function runFor(opts: {
  clients: number;
  ms: number;
  session: (client: number, live: () => boolean) => Promise<void>;
}) {
  const started = performance.now();
  const end = started + opts.ms;
  const live = () => performance.now() < end;
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => opts.session(c, live)));
  return { started, end, elapsedMs: performance.now() - started };
}

/** Latencies and errors per named operation, for loads that mix several kinds of request. */
export class OpLog {
  /** Per operation: latencies, when each request started (performance.now()), errors. */
  readonly ops = new Map<string, { latencies: number[]; starts: number[]; errors: number }>();

  /** Times `request`; an answer of false or a throw counts as an error of that operation. */
  async time(name: string, request: () => Promise<boolean>): Promise<boolean> {
    const t = performance.now();
    const ok = await request().catch(() => false);
    const op = this.ops.get(name) ?? { latencies: [], starts: [], errors: 0 };
    this.ops.set(name, op);
    op.latencies.push(performance.now() - t);
    op.starts.push(t);
    if (!ok) op.errors++;
    return ok;
  }

  /** Every latency of every operation, and the errors, as runLoad returns them. */
  all() {
    const ops = [...this.ops.values()];
    return {
      latencies: ops.flatMap((o) => o.latencies),
      starts: ops.flatMap((o) => o.starts),
      errors: ops.reduce((n, o) => n + o.errors, 0),
    };
  }
}
