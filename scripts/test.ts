import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provisionTemporalCli } from './temporal-cli.js';

// `npm test`: runs `npm run lint`, provisions the Temporal CLI (building it on first use), then runs the whole vitest
// suite against a real Temporal dev server and real PostgreSQL started by the global setup, and
// closes with one plain "N passed, N failed" line.

const root = resolve(import.meta.dirname, '..');
// The house rules first (types, ESLint, Prettier, import directions, the OpenAPI lint): a failure
// is reported at once, the tests still run, and the exit status says both.
const lint = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/lint.ts')], {
  cwd: root,
  stdio: 'inherit',
});
await provisionTemporalCli();
const report = join(root, 'test-results/vitest.json');
rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}${lint.status === 0 ? '' : '; lint failed (npm run lint)'}`,
  );
  // The report decides, not only vitest's exit status (which has been seen at 0 with failures).
  if (r.numTotalTests === 0 || r.numFailedTests > 0 || r.numFailedTestSuites > 0) process.exit(1);
}
process.exit(lint.status !== 0 ? 1 : (run.status ?? 1));
