import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleWorkflows } from '../../worker/create-worker.js';
import { clearFaultRows, faultTable } from './fault-clients.js';
import { clearFigures, figuresText } from './suite-figures.js';
import { buildConsole, consoleIsStale } from '../../scripts/console-build.js';
import { prepareDatabase } from '../../scripts/prepare-db.js';
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
  type LocalPostgres,
} from '../../scripts/postgres.js';
import { freePort } from '../../scripts/processes.js';
import { provisionTemporalCli } from '../../scripts/temporal-cli.js';
import { startDevServer, type DevServer } from '../../scripts/temporal-dev-server.js';

// One Temporal dev server (in memory) and one PostgreSQL for the whole run, shared by every
// test file; each file clones its own database from a migrated, seeded template and uses its
// own task queue, so files run in parallel without seeing each other.

export const TEMPLATE_DB = 'shequ_test_template';
export const DEMO_PASSWORD = 'test-password-1';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    temporalAddress: string;
    temporalCliPath: string;
    workflowBundlePath: string;
    demoPassword: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  // Per run, so two runs at once (a developer and CI, or parallel agents) never share a data dir.
  const work = join(root, '.data/test', String(process.pid));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  clearFaultRows();
  clearFigures();

  const cli = await provisionTemporalCli((l) => console.log(l));
  let pg: LocalPostgres | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    pg = await startEmbeddedPostgres({ dataDir: join(work, 'pg') });
    adminUrl = pg.adminUrl();
  }
  let temporal: DevServer | undefined;
  try {
    const [server] = await Promise.all([
      freePort().then((port) => startDevServer({ cliPath: cli.path, port, namespace: 'default' }, 90_000)),
      (async () => {
        await dropDatabase(adminUrl, TEMPLATE_DB);
        await ensureDatabase(adminUrl, TEMPLATE_DB);
        await prepareDatabase(withDatabase(adminUrl, TEMPLATE_DB), DEMO_PASSWORD);
      })(),
    ]);
    temporal = server;
    const bundle = await bundleWorkflows();
    const bundlePath = join(work, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
    if (consoleIsStale()) buildConsole();

    project.provide('pgAdminUrl', adminUrl);
    project.provide('temporalAddress', server.address);
    project.provide('temporalCliPath', cli.path);
    project.provide('workflowBundlePath', bundlePath);
    project.provide('demoPassword', DEMO_PASSWORD);
  } catch (err) {
    await temporal?.stop();
    await pg?.stop();
    throw err;
  }

  return async () => {
    const faults = faultTable();
    if (faults) console.log(`\nfaults: what survived (lost and duplicated must be 0)\n${faults}\n`);
    const figures = figuresText();
    if (figures) console.log(`\nwhat the suite tried\n${figures}\n`);
    await temporal?.stop();
    await pg?.stop();
    rmSync(work, { recursive: true, force: true });
  };
}
