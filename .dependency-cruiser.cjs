// Which folder may import which. The layers, lowest first:
//   domain/     pure rules, shared by everything (also the console and workflow sandbox)
//   contract/   zod schemas of what the API takes and answers: its validation, its OpenAPI
//               document and the console's types (domain/ and zod only)
//   config/     settings read from the environment, turned into domain policies
//   db/         PostgreSQL: migrations, seeds, stores shared by activities and the API
//   temporal/   Temporal-client helpers shared by activities and the API
//   workflows/  Temporal workflow code: only domain and @temporalio/workflow|common
//   activities/ side effects called by workflows (db, external systems behind interfaces)
//   worker/     wires activities and workflows into a Temporal worker
//   api/        HTTP: routes, read-models, the API's Temporal client (api/temporal/)
//   admin/      the console: only its own code, domain/ and contract/ (types)
// scripts/, bench/ and test/ sit on top and may import anything.
const below = (layers) => `^(${layers.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules shared by workflows, activities, the API and the console: it imports only domain/.',
      severity: 'error',
      from: { path: '^domain/' },
      to: {
        path: below([
          'contract',
          'config',
          'db',
          'temporal',
          'workflows',
          'activities',
          'worker',
          'api',
          'admin',
          'scripts',
          'bench',
          'test',
        ]),
      },
    },
    {
      name: 'workflows-only-domain',
      comment:
        'Workflow code replays in Temporal’s sandbox: it may import domain/ and other workflow code, nothing with side effects.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        path: below([
          'contract',
          'config',
          'db',
          'temporal',
          'activities',
          'worker',
          'api',
          'admin',
          'scripts',
          'bench',
          'test',
        ]),
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'workflows-type-only-activities',
      comment:
        'A workflow names its activities by type only (proxyActivities<typeof activities>), as in Temporal’s samples.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: below(['config', 'db', 'temporal', 'worker', 'api', 'admin', 'scripts', 'bench', 'test']) },
    },
    {
      name: 'workflows-only-temporal-workflow-packages',
      comment:
        'Of npm packages, workflow code uses only @temporalio/workflow and @temporalio/common (no client, worker, activity, pg, knex…).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^node_modules/@temporalio/(workflow|common)/',
      },
    },
    {
      name: 'no-node-in-workflows-or-domain',
      comment: 'Node built-ins are not deterministic or not available in the workflow sandbox and the browser.',
      severity: 'error',
      from: { path: '^(workflows|domain|contract)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-only-domain',
      comment: 'The contract is read by the API and the console alike: it imports only domain/ (and zod).',
      severity: 'error',
      from: { path: '^contract/' },
      to: {
        path: below([
          'config',
          'db',
          'temporal',
          'workflows',
          'activities',
          'worker',
          'api',
          'admin',
          'scripts',
          'bench',
          'test',
        ]),
      },
    },
    {
      name: 'config-below-stores',
      severity: 'error',
      from: { path: '^config/' },
      to: { path: below(['db', 'temporal', 'workflows', 'activities', 'worker', 'api', 'admin']) },
    },
    {
      name: 'db-below-processes',
      comment: 'db/ (stores, migrations, seeds) is used by activities and the API, never the other way round.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: below(['temporal', 'workflows', 'activities', 'worker', 'api', 'admin']) },
    },
    {
      name: 'temporal-helpers-below-processes',
      severity: 'error',
      from: { path: '^temporal/' },
      to: { path: below(['db', 'activities', 'worker', 'api', 'admin']) },
    },
    {
      name: 'activities-not-above',
      comment: 'Activities get their dependencies injected by the worker; they never reach into the API or the worker.',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: below(['worker', 'api', 'admin']) },
    },
    {
      name: 'activities-workflow-types-only',
      comment:
        "Activities run outside the workflow sandbox: they may name a workflow's message types, never run its code.",
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: '^workflows/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-workflow-surface-only',
      comment:
        'The API reaches a workflow through its public surface (messages, search attributes, the rolling-over marker); the rest only by type.',
      severity: 'error',
      from: { path: '^api/' },
      to: {
        path: '^workflows/',
        pathNot: '^workflows/([a-z-]+-messages|search-attributes|failures)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'worker-not-api',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: below(['api', 'admin']) },
    },
    {
      name: 'api-not-worker',
      comment:
        'The API talks to workflows through Temporal (api/temporal/), never by calling activities or the worker.',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: below(['activities', 'worker', 'admin']) },
    },
    {
      name: 'admin-only-domain',
      comment: 'The console is built by Vite for the browser: its own code, domain/ and npm packages.',
      severity: 'error',
      from: { path: '^admin/' },
      to: {
        path: below([
          'config',
          'db',
          'temporal',
          'workflows',
          'activities',
          'worker',
          'api',
          'scripts',
          'bench',
          'test',
        ]),
      },
    },
    {
      name: 'production-not-tests',
      severity: 'error',
      from: {
        path: below(['domain', 'config', 'db', 'temporal', 'workflows', 'activities', 'worker', 'api', 'admin']),
      },
      to: { path: '^test/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|admin/dist|test-results|\\.data|\\.cache)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
