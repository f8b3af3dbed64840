import { disbursementBench } from './disbursement.js';
import { intakeBench } from './intake.js';
import { listsBench } from './lists.js';
import { printResult, type BenchResult } from './report.js';
import { stuckBench } from './stuck.js';
import { workdayBench } from './workday.js';

// `npm run bench -- <name> [--json] [--key=value ...]`. Each benchmark starts what it needs and
// measures its floor in the same run, so figures compare across machines as ratios.

const benches: Record<string, (args: Record<string, number>) => Promise<BenchResult>> = {
  lists: listsBench,
  intake: intakeBench,
  disbursement: disbursementBench,
  stuck: stuckBench,
  load: workdayBench,
};

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const name = argv.find((a) => !a.startsWith('--') && !/^\d/.test(a));
// Options as `--key=value` or `--key value`.
const args: Record<string, number> = {};
argv.forEach((a, i) => {
  const m = /^--(\w+)(?:=(.*))?$/.exec(a);
  if (!m || m[1] === 'json') return;
  const value = m[2] ?? argv[i + 1];
  if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) args[m[1]] = Number(value);
});

if (!name || !benches[name]) {
  console.error(
    `usage: npm run bench -- <${Object.keys(benches).join('|')}> [--json] [--requests=N --applications=N --concurrency=C --households=N --open=N --users=N --seconds=S]`,
  );
  process.exit(2);
}
const result = await benches[name](args);
printResult(result, json);
process.exit(Object.values(result.invariants).every(Boolean) ? 0 : 1);
