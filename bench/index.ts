import { intakeBench } from './intake.js';
import { listsBench } from './lists.js';
import { printResult, type BenchResult } from './report.js';

// `npm run bench -- <name> [--json] [--key=value ...]`. Each benchmark starts what it needs and
// measures its floor in the same run, so figures compare across machines as ratios.

const benches: Record<string, (args: Record<string, number>) => Promise<BenchResult>> = {
  lists: listsBench,
  intake: intakeBench,
};

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const name = argv.find((a) => !a.startsWith('--'));
const args = Object.fromEntries(
  argv.filter((a) => /^--\w+=/.test(a)).map((a) => {
    const [k, v] = a.slice(2).split('=');
    return [k, Number(v)];
  }),
);

if (!name || !benches[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--json] [--requests=N --applications=N --concurrency=C]`);
  process.exit(2);
}
const result = await benches[name](args);
printResult(result, json);
process.exit(Object.values(result.invariants).every(Boolean) ? 0 : 1);
