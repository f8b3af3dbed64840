import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { createApp } from '../../api/app.js';
import { loadEnv, type Env } from '../../config/env.js';
import { createDb } from '../../db/knexfile.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/postgres.js';
import type { SuitabilityChecker } from '../../activities/suitability/checker.js';
import { activityDeps } from '../../worker/activity-deps.js';
import { createShequWorker } from '../../worker/create-worker.js';

// What a test file needs from the shared stack: its own database (cloned from the migrated,
// seeded template), its own task queue, a real worker and the real API over HTTP.

const TEMPLATE_DB = 'shequ_test_template';

// Worker INFO lines drown test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  /* already installed in this process */
}

export interface TestStack {
  db: Knex;
  env: Env;
  temporal: Client;
  baseUrl: string;
  taskQueue: string;
  password: string;
  stop(): Promise<void>;
}

export async function createTestDatabase(): Promise<{ db: Knex; url: string; drop(): Promise<void> }> {
  const admin = inject('pgAdminUrl');
  const name = `shequ_t_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(admin, name, TEMPLATE_DB);
  const url = withDatabase(admin, name);
  const db = createDb(url, { min: 0, max: 5 });
  // Workflow ids come from row ids (benefit-<id>) and all files share one Temporal namespace:
  // each database numbers its rows from its own random offset so ids never collide.
  const offset = 1 + randomBytes(3).readUIntBE(0, 3) * 100;
  const sequences = await db('pg_sequences').where({ schemaname: 'public' }).pluck('sequencename');
  for (const seq of sequences) await db.raw(`ALTER SEQUENCE ?? RESTART WITH ${offset}`, [seq]);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      await dropDatabase(admin, name);
    },
  };
}

export async function startTestStack(
  opts: {
    worker?: boolean;
    serveConsole?: boolean;
    env?: Record<string, string>;
    suitability?: SuitabilityChecker;
  } = {},
): Promise<TestStack> {
  const database = await createTestDatabase();
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const address = inject('temporalAddress');
  // Every test signs in from 127.0.0.1, many times a file: the rate limit is for attackers, not
  // for the suite (test/api/security.test.ts sets it low where it checks it).
  const env = loadEnv({
    SHEQU_LOGIN_RATE_PER_MINUTE: '100000',
    ...opts.env,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: address,
    SHEQU_TASK_QUEUE: taskQueue,
    SHEQU_PAYMENTS_TASK_QUEUE: `${taskQueue}-payments`,
    SHEQU_DISBURSEMENT_SCHEDULE_ID: `${taskQueue}-schedule`,
    SHEQU_WATCH_SCHEDULE_ID: `${taskQueue}-watch`,
    SHEQU_VISIT_SCHEDULE_ID: `${taskQueue}-visits`,
    SHEQU_WORKFLOW_ID_PREFIX: `${taskQueue}-`,
    NODE_ENV: 'test',
  });

  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  let workers: Worker[] = [];
  let workerRun: Promise<unknown> | undefined;
  let native: NativeConnection | undefined;
  if (opts.worker !== false) {
    native = await NativeConnection.connect({ address });
    workers = await Promise.all(
      [env.SHEQU_TASK_QUEUE, env.SHEQU_PAYMENTS_TASK_QUEUE].map((queue) =>
        createShequWorker({
          connection: native!,
          namespace: env.TEMPORAL_NAMESPACE,
          taskQueue: queue,
          deps: activityDeps(database.db, env, {
            suitability: opts.suitability,
            watch: {
              client: temporal,
              idPrefix: env.SHEQU_WORKFLOW_ID_PREFIX,
              taskQueues: [env.SHEQU_TASK_QUEUE, env.SHEQU_PAYMENTS_TASK_QUEUE],
            },
          }),
          workflowBundle: { codePath: inject('workflowBundlePath') },
          idPrefix: env.SHEQU_WORKFLOW_ID_PREFIX,
        }),
      ),
    );
    workerRun = Promise.all(workers.map((w) => w.run()));
  }

  const { app } = createApp({ db: database.db, temporal, env, version: 'test' }, { serveConsole: opts.serveConsole });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    db: database.db,
    env,
    temporal,
    baseUrl,
    taskQueue,
    password: inject('demoPassword'),
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      for (const w of workers) w.shutdown();
      await workerRun;
      await native?.close();
      await connection.close();
      await database.drop();
    },
  };
}

export interface ApiClient {
  token: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/** The raw answer of POST /api/auth/login, for tests that look at refusals too. */
export function loginRequest(baseUrl: string, username: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

export async function login(stack: TestStack, username: string): Promise<ApiClient> {
  const res = await loginRequest(stack.baseUrl, username, stack.password);
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const { token } = await res.json();
  return {
    token,
    async call(method, path, body, headers = {}) {
      const r = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
    },
  };
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
