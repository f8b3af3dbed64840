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
  console.warn(`[worker] could not check search attributes (add them in your cluster's console): ${(err as Error).message}`);
}

const db = createDb(env.DATABASE_URL);
const started = Date.now();
const bundle = await bundleWorkflows();
console.log(`[worker] workflows bundled in ${Date.now() - started} ms`);

const deps = activityDeps(db, env);
const workers = await Promise.all(
  [env.SHEQU_TASK_QUEUE, env.SHEQU_PAYMENTS_TASK_QUEUE].map((taskQueue) =>
    createShequWorker({ connection, namespace: target.namespace, taskQueue, deps, workflowBundle: { code: bundle.code } }),
  ),
);
console.log(`[worker] polling ${env.SHEQU_TASK_QUEUE}, ${env.SHEQU_PAYMENTS_TASK_QUEUE} on ${target.address} (${target.namespace})`);
await Promise.all(workers.map((w) => w.run()));
await db.destroy();
await connection.close();
console.log('[worker] stopped');
