// Shared output of every benchmark: a table of figures beside the baseline measured in the same
// run, and with --json one JSON object as the last line.

export interface BenchResult {
  bench: string;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  baseline: Record<string, number>;
  ratios: Record<string, number>;
  invariants: Record<string, boolean>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarise(latenciesMs: number[], elapsedMs: number, errors: number) {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return {
    ops_per_s: round2((latenciesMs.length / elapsedMs) * 1000),
    p50_ms: round2(percentile(s, 50)),
    p95_ms: round2(percentile(s, 95)),
    p99_ms: round2(percentile(s, 99)),
    errors,
  };
}

/** Cost over floor for each figure: throughput as floor/measured, latencies as measured/floor. */
export function ratiosOf(metrics: ReturnType<typeof summarise>, baseline: ReturnType<typeof summarise>) {
  return {
    ops_per_s: round2(baseline.ops_per_s / metrics.ops_per_s),
    p95_ms: round2(metrics.p95_ms / baseline.p95_ms),
    p99_ms: round2(metrics.p99_ms / baseline.p99_ms),
  };
}

export function printResult(r: BenchResult, json: boolean): void {
  console.log(`\n${r.bench}  ${JSON.stringify(r.params)}`);
  console.log(`${'figure'.padEnd(14)}${'measured'.padStart(12)}${'baseline'.padStart(12)}${'ratio'.padStart(9)}`);
  for (const [k, v] of Object.entries(r.metrics)) {
    const b = r.baseline[k];
    const ratio = r.ratios[k] ?? r.ratios[k.replace(/_s$/, '')]; // build_s → ratio `build`
    console.log(
      `${k.padEnd(14)}${String(v).padStart(12)}${(b === undefined ? '' : String(b)).padStart(12)}${(ratio === undefined ? '' : ratio.toFixed(2)).padStart(9)}`,
    );
  }
  for (const [k, v] of Object.entries(r.invariants)) console.log(`invariant ${k}: ${v ? 'ok' : 'VIOLATED'}`);
  if (json) console.log(JSON.stringify(r));
}
