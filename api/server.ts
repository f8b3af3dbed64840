import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { loadEnv } from '../config/env.js';
import { temporalTarget } from '../config/temporal.js';
import { createDb } from '../db/knexfile.js';
import { createApp } from './app.js';
import { startUnstartedApplications } from './temporal/benefit-start.js';
import { ensureDisbursementSchedule } from './temporal/disbursements.js';
import { ensureVisitSchedule } from './temporal/visit-schedule.js';
import { ensureWatchSchedule } from './temporal/watch-schedule.js';
import { startUnstartedCases } from './temporal/case-start.js';
import { referralKind } from './temporal/referral-start.js';
import { volunteerKind } from './temporal/volunteer-start.js';

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

ensureVisitSchedule(temporal, env)
  .then((how) => console.log(`[api] schedule visit-planning ${how} (every policy day)`))
  .catch((e) => console.error('!!! [api] could not create or update the visit-planning schedule', e));

// Case rows whose workflow never started (an API that died between commit and start, an import,
// a seed): swept at start and every SHEQU_SWEEP_SECONDS after, so a crash loses no case.
async function sweepUnstarted() {
  const n = await startUnstartedApplications(db, temporal, env).catch(
    (e) => void console.error('[api] could not start unstarted dibao workflows', e),
  );
  if (n) console.warn(`[api] started ${n} dibao case workflow(s) that were not running (crash, import or seed)`);
  for (const kind of [referralKind, volunteerKind]) {
    const m = await startUnstartedCases(db, temporal, env, kind).catch(
      (e) => void console.error(`[api] could not start unstarted ${kind.kind} workflows`, e),
    );
    if (m) console.warn(`[api] started ${m} ${kind.kind} workflow(s) that were not running (crash or seed)`);
  }
}
let sweeping = sweepUnstarted();
const sweeper = setInterval(() => {
  sweeping = sweeping.then(sweepUnstarted);
}, env.SHEQU_SWEEP_SECONDS * 1000);
sweeper.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[api] ${signal}: finishing in-flight requests`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  clearInterval(sweeper);
  server.close(async () => {
    await sweeping;
    await Promise.allSettled([db.destroy(), connection.close()]);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
