import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// `npm run lint` (also run by `npm test`): the house rules, each by its tool. Every check runs
// even when an earlier one fails, so one run shows everything to fix; the exit status is 1 if
// any failed.

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const checks: { name: string; cmd: string; args: string[] }[] = [
  { name: 'types (API, worker, tests)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'types (console)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'admin/tsconfig.json'] },
  { name: 'ESLint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'Prettier', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  {
    name: 'import directions (dependency-cruiser)',
    cmd: bin('depcruise'),
    args: [
      'domain',
      'contract',
      'config',
      'db',
      'temporal',
      'workflows',
      'activities',
      'worker',
      'api',
      'admin/src',
      'scripts',
      'bench',
      'test',
      '--config',
      '.dependency-cruiser.cjs',
    ],
  },
  { name: 'OpenAPI document', cmd: bin('tsx'), args: ['scripts/openapi-document.ts', 'test-results/openapi.json'] },
  {
    name: 'OpenAPI lint (Redocly, recommended)',
    cmd: bin('redocly'),
    args: ['lint', 'test-results/openapi.json', '--format', 'stylish'],
  },
];

const failed: string[] = [];
for (const c of checks) {
  const t0 = Date.now();
  const r = spawnSync(c.cmd, c.args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) console.log(`lint: ${c.name}: ok (${s} s)`);
  else {
    failed.push(c.name);
    console.log(`lint: ${c.name}: FAILED (${s} s)\n${`${r.stdout}${r.stderr}`.trim()}\n`);
  }
}
console.log(
  failed.length
    ? `lint: ${failed.length} of ${checks.length} checks failed: ${failed.join(', ')}`
    : `lint: all ${checks.length} checks passed`,
);
process.exit(failed.length ? 1 : 0);
