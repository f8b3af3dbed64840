import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { loadEnv } from '../config/env.js';
import { temporalTarget } from '../config/temporal.js';
import { createDb } from '../db/knexfile.js';
import { createApp } from './app.js';
import { startUnstartedApplications } from './benefit-start.js';
import { ensureDisbursementSchedule } from './disbursements.js';
import { ensureWatchSchedule } from './watch-schedule.js';
import { startUnstartedCases } from './case-start.js';
import { referralKind } from './referral-start.js';
import { volunteerKind } from './volunteer-start.js';

// The API process: `tsx api/server.ts`. Started by the launcher, or on its own in production
// with DATABASE_URL and TEMPORAL_ADDRESS set.

const env = loadEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required for the API process (the launcher sets it)');
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;
const db = createDb(env.DATABASE_URL);
const target = temporalTarget(env);
const connection = await Connection.connect({ address: target.address, tls: target.tls, apiKey: target.apiKey });
const temporal = new Client({ connection, namespace: target.namespace });

const { app } = createApp({ db, temporal, env, version }, { serveConsole: true });
const server = app.listen(env.PORT, env.HOST, () => console.log(`[api] listening on http://${env.HOST}:${env.PORT}`));

ensureDisbursementSchedule(temporal, env)
  .then((how) => console.log(`[api] schedule monthly-disbursement ${how}`))
  .catch((e) => console.error('!!! [api] could not create or update the monthly-disbursement schedule', e));

ensureWatchSchedule(temporal, env)
  .then((how) => console.log(`[api] schedule watch-workflows ${how} (every ${env.SHEQU_WATCH_SECONDS} s)`))
  .catch((e) => console.error('!!! [api] could not create or update the watch-workflows schedule', e));

startUnstartedApplications(db, temporal, env)
  .then((n) => n && console.warn(`[api] started ${n} case workflow(s) that were not running (crash, import or seed)`))
  .catch((e) => console.error('[api] could not restart unstarted workflows', e));

for (const kind of [referralKind, volunteerKind]) {
  startUnstartedCases(db, temporal, env, kind)
    .then((n) => n && console.warn(`[api] started ${n} ${kind.kind} workflow(s) that were not running (crash or seed)`))
    .catch((e) => console.error(`[api] could not start unstarted ${kind.kind} workflows`, e));
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[api] ${signal}: finishing in-flight requests`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await Promise.allSettled([db.destroy(), connection.close()]);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
