// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The house rules a reviewer used to hold in their head. Type-checked rules catch the promise
// nobody awaits (a step that silently never happens); workflow and domain code must stay
// deterministic and runnable in Temporal's sandbox and in the browser, so Node built-ins are
// refused there (Temporal's own recommendation); import directions are dependency-cruiser's job
// (.dependency-cruiser.cjs).

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'admin/vite.config.ts',
      'admin/dist/**',
      'test-results/**',
      '.cache/**',
      'test/support/broken/**',
      'test/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // Knex answers rows as `any` by design; each read-model types its rows at the boundary
      // (a row interface, a zod schema for the API). The no-unsafe-* family would flag every query.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // An async function without await is how a synchronous throw becomes a rejection the
      // caller handles (react-admin's providers, Knex's migration source).
      '@typescript-eslint/require-await': 'off',
      // Unions like `'schedule' | 'manual' | string` name the values known today for the reader
      // while the API may add more.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // String(x) here coerces untyped input (a form field, a JSON body) on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read response bodies as the JSON they are.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // react-admin reads the plain objects its auth provider rejects with ({ message, logoutUser }).
    files: ['admin/src/authProvider.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  {
    // Workflow code is replayed in Temporal's sandbox; domain rules and the contract also run in the console.
    files: ['workflows/**/*.ts', 'domain/**/*.ts', 'contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message:
              'Workflow and domain code may not use Node built-ins: it must replay deterministically in Temporal’s sandbox (do it in an activity).',
          })),
          patterns: [
            {
              group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker'],
              message: 'Workflow code imports only @temporalio/workflow and @temporalio/common.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes keep to HTTP: their queries live in api/read-models, their writes in api/commands.
    files: ['api/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['db', 'trx', 'knex'].map((name) => ({
          selector: `CallExpression[callee.name='${name}']`,
          message: 'A route does not query the database: move this to api/read-models or api/commands.',
        })),
        {
          selector:
            'CallExpression[callee.object.name=/^(db|trx|knex)$/][callee.property.name=/^(raw|transaction|select|from|table)$/]',
          message: 'A route does not query the database: move this to api/read-models or api/commands.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
