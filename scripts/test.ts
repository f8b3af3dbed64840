import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provisionTemporalCli } from './temporal-cli.js';

// `npm test`: provisions the Temporal CLI (building it on first use), then runs the whole vitest
// suite against a real Temporal dev server and real PostgreSQL started by the global setup, and
// closes with one plain "N passed, N failed" line.

const root = resolve(import.meta.dirname, '..');
await provisionTemporalCli();
const report = join(root, 'test-results/vitest.json');
rmSync(report, { force: true });
const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  // The report decides, not only vitest's exit status (which has been seen at 0 with failures).
  if (r.numTotalTests === 0 || r.numFailedTests > 0 || r.numFailedTestSuites > 0) process.exit(1);
}
process.exit(run.status ?? 1);
