import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { loadEnv } from '../config/env.js';
import { temporalTarget } from '../config/temporal.js';
import { createDb } from '../db/knexfile.js';
import { bundleWorkflows, createShequWorker } from './create-worker.js';
import { activityDeps } from './activity-deps.js';
import { ensureSearchAttributes } from './search-attributes.js';

// The worker process: `tsx worker/main.ts`. Several may run against the same task queues.

const env = loadEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required for the worker (the launcher sets it)');
Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });

const target = temporalTarget(env);
const connection = await NativeConnection.connect({ address: target.address, tls: target.tls, apiKey: target.apiKey });
try {
  const added = await ensureSearchAttributes(connection, target.namespace);
  if (added.length) console.log(`[worker] registered search attributes: ${added.join(', ')}`);
} catch (err) {
  console.warn(
    `[worker] could not check search attributes (add them in your cluster's console): ${(err as Error).message}`,
  );
}

const db = createDb(env.DATABASE_URL);
const started = Date.now();
const bundle = await bundleWorkflows();
console.log(`[worker] workflows bundled in ${Date.now() - started} ms`);

// The watcher's activity asks Temporal about workflows (visibility, describe, query).
const clientConnection = await Connection.connect({ address: target.address, tls: target.tls, apiKey: target.apiKey });
const watch = {
  client: new Client({ connection: clientConnection, namespace: target.namespace }),
  idPrefix: env.SHEQU_WORKFLOW_ID_PREFIX,
  taskQueues: [env.SHEQU_TASK_QUEUE, env.SHEQU_PAYMENTS_TASK_QUEUE],
};
const deps = activityDeps(db, env, { watch });
const workers = await Promise.all(
  [env.SHEQU_TASK_QUEUE, env.SHEQU_PAYMENTS_TASK_QUEUE].map((taskQueue) =>
    createShequWorker({
      connection,
      namespace: target.namespace,
      taskQueue,
      deps,
      workflowBundle: { code: bundle.code },
      idPrefix: env.SHEQU_WORKFLOW_ID_PREFIX,
    }),
  ),
);
console.log(
  `[worker] polling ${env.SHEQU_TASK_QUEUE}, ${env.SHEQU_PAYMENTS_TASK_QUEUE} on ${target.address} (${target.namespace})`,
);
await Promise.all(workers.map((w) => w.run()));
await db.destroy();
await connection.close();
await clientConnection.close();
console.log('[worker] stopped');
