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
