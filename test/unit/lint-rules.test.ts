import { resolve } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

// The house rules are enforced by tools (issue 22): `npm run lint` must fail on a Node import in
// a workflow, a promise nobody awaits, and an import in a forbidden direction. The fixtures in
// test/lint-fixtures break each rule on purpose, laid out like the project's folders; they are
// linted here with the project's own configurations, and a pure file next to them must pass.

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'test/lint-fixtures');

async function eslintMessages(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: resolve(root, 'eslint.config.js') });
  const [result] = await eslint.lintFiles([resolve(fixtures, file)]);
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

async function cruiseViolations(): Promise<string[]> {
  const config = createRequire(import.meta.url)(resolve(root, '.dependency-cruiser.cjs')) as IConfiguration;
  const { output } = await cruise(
    ['workflows', 'domain', 'db', 'activities', 'api'],
    { ruleSet: { forbidden: config.forbidden }, baseDir: fixtures, tsPreCompilationDeps: true, validate: true },
    undefined,
    { tsConfig: { fileName: resolve(root, 'tsconfig.json') } },
  );
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('lint rules catch what they are there for', { timeout: 120_000 }, () => {
  it('ESLint refuses a Node built-in in workflow code', async () => {
    expect(await eslintMessages('workflows/reads-a-file.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Node built-ins/),
    ]);
  });

  it('ESLint refuses a floating promise', async () => {
    expect(await eslintMessages('api/forgets-a-promise.ts')).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-floating-promises:/),
    ]);
  });

  it('ESLint refuses a database query in a route', async () => {
    expect(await eslintMessages('api/routes/queries-in-a-route.ts')).toEqual([
      expect.stringMatching(/^no-restricted-syntax: A route does not query the database/),
      expect.stringMatching(/^no-restricted-syntax: A route does not query the database/),
    ]);
  });

  it('ESLint passes a pure workflow file', async () => {
    expect(await eslintMessages('workflows/pure.ts')).toEqual([]);
  });

  it('dependency-cruiser refuses imports in forbidden directions, and only those', async () => {
    expect((await cruiseViolations()).sort()).toEqual([
      'activities-workflow-types-only: activities/runs-workflow-code.ts → workflows/pure.ts',
      'api-workflow-surface-only: api/runs-workflow-code.ts → workflows/pure.ts',
      'domain-is-pure: domain/uses-the-db.ts → db/store.ts',
      'no-node-in-workflows-or-domain: workflows/reads-a-file.ts → fs',
      'workflows-only-domain: workflows/calls-an-activity.ts → activities/pay.ts',
    ]);
  });
});
