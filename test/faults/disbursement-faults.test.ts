import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDisbursementSchedule, startDisbursementRun } from '../../api/temporal/disbursements.js';
import { seedBulkEnrollments } from '../../bench/disbursement-seed.js';
import { loadEnv, type Env } from '../../config/env.js';
import { disbursementWorkflowId, periodAt } from '../../domain/disbursement.js';
import { freePort, sleep } from '../../scripts/processes.js';
import { startDevServer, type DevServer, type DevServerOptions } from '../../scripts/temporal-dev-server.js';
import {
  buildReached,
  finishRun,
  report,
  runRow,
  secondsToProgress,
  workflowProgress,
} from '../support/disbursement-faults.js';
import { createTestDatabase, waitFor } from '../support/stack.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startWorkerProcess, type WorkerProcess } from '../support/service-processes.js';

// A month's run survives what goes wrong in production, with the real processes: the worker
// killed mid-build, the Temporal server restarted mid-run on the same database file,
// PostgreSQL unreachable for a while, and the Schedule firing while a manual run for the same
// period is underway. After each: one line per enrolled household, to the fen, nothing else.
//
// This file runs its own Temporal dev server (one it may restart) and worker processes; the
// shared PostgreSQL is reached through a TCP proxy it can cut without stopping the server.

const HOUSEHOLDS = 20_000;
const PAGE_SIZE = '50'; // ≈ 400 pages: a build of several seconds, long enough to break

describe('disbursement run under faults', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let serverOpts: DevServerOptions;
  let server: DevServer;
  let connection: Connection;
  let temporal: Client;
  let env: Env;
  let workerEnv: Record<string, string>;
  // Two workers poll the same task queues throughout, as in production.
  let workers: WorkerProcess[] = [];
  let financeId: number;
  const dir = mkdtempSync(join(tmpdir(), 'shequ-faults-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    const pgUrl = new URL(database.url);
    proxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port) });
    serverOpts = {
      cliPath: inject('temporalCliPath'),
      port: await freePort(),
      dbFile: join(dir, 'temporal.db'),
      namespace: 'default',
    };
    const [s] = await Promise.all([
      startDevServer(serverOpts, 90_000),
      seedBulkEnrollments(database.db, { households: HOUSEHOLDS, period: '2027-01', label: 'faults' }),
    ]);
    server = s;
    connection = await Connection.connect({ address: server.address });
    temporal = new Client({ connection });
    const queue = `faults-${process.pid}`;
    const shared = {
      TEMPORAL_ADDRESS: server.address,
      SHEQU_TASK_QUEUE: queue,
      SHEQU_PAYMENTS_TASK_QUEUE: `${queue}-payments`,
      SHEQU_DISBURSEMENT_PAGE_SIZE: PAGE_SIZE,
      SHEQU_DISBURSEMENT_SCHEDULE_ID: `${queue}-monthly`,
      SHEQU_WORKFLOW_ID_PREFIX: '', // its own server: the production ids
      SHEQU_BANK_LATENCY_MS: '0',
      SHEQU_BANK_FAILURE_RATE: '0',
      SHEQU_BANK_POLL_MS: '100',
      NODE_ENV: 'test',
    };
    // The run's policy (page size) comes from whoever starts it; the bank's from the worker.
    env = loadEnv({ ...shared, DATABASE_URL: database.url });
    workerEnv = { ...shared, DATABASE_URL: viaProxy(database.url, proxy), LOG_LEVEL: 'warn' };
    financeId = (await database.db('users').where({ username: 'finance1' }).first('id')).id;
    workers = await Promise.all([startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop()));
    await connection?.close();
    await server?.stop();
    await proxy?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const wf = (period: string) => disbursementWorkflowId(period, env.SHEQU_WORKFLOW_ID_PREFIX);
  const expectSound = (inv: Awaited<ReturnType<typeof finishRun>>) => {
    expect(inv).toMatchObject({
      phase: 'completed',
      checkOk: true,
      duplicates: 0,
      missing: 0,
      unexpected: 0,
      one_line_per_enrollment: true,
      sum_matches: true,
      nothing_else: true,
    });
    expect(inv.lines).toBe(inv.expectedLines);
    expect(inv.paid).toBe(inv.lines);
  };

  it('one of two workers killed (kill -9) during the build: the other and a new one finish it, no line twice, none missing', async () => {
    const period = '2027-01';
    await startDisbursementRun(temporal, env, period, financeId);
    await buildReached(database.db, period, 0.15);
    const before = await workflowProgress(temporal, wf(period));
    await workers[0].kill();
    const killedAt = Date.now();
    workers[0] = await startWorkerProcess(workerEnv);
    // Counted from the kill: the other worker goes on with the pages it holds; those the dead one
    // had in flight are handed out again once their heartbeat times out.
    const recoverS = await secondsToProgress(temporal, wf(period), before, killedAt);
    const inv = await finishRun(database.db, temporal, period, wf(period));
    report('worker killed mid-build', inv, recoverS, killedAt);
    expectSound(inv);
  }, 420_000);

  it('Temporal dev server restarted mid-run on the same database file: the run continues', async () => {
    const period = '2027-02';
    await startDisbursementRun(temporal, env, period, financeId);
    await buildReached(database.db, period, 0.15);
    const before = await workflowProgress(temporal, wf(period));
    const stoppedAt = Date.now();
    await server.stop();
    await sleep(2_000);
    server = await startDevServer(serverOpts, 90_000);
    const recoverS = await secondsToProgress(temporal, wf(period), before, Date.now());
    const inv = await finishRun(database.db, temporal, period, wf(period));
    report('Temporal server restarted mid-build', inv, recoverS, stoppedAt);
    expectSound(inv);
  }, 420_000);

  it('PostgreSQL unreachable for 15 s mid-build: activities retry and the run completes', async () => {
    const period = '2027-03';
    await startDisbursementRun(temporal, env, period, financeId);
    await buildReached(database.db, period, 0.15);
    proxy.cut();
    const cutAt = Date.now();
    const pagesAtCut = (await runRow(database.db, period))!.pages_done;
    await sleep(15_000);
    // Nothing reaches the database while it is cut off.
    expect((await runRow(database.db, period))!.pages_done).toBe(pagesAtCut);
    const before = await workflowProgress(temporal, wf(period));
    proxy.restore();
    const recoverS = await secondsToProgress(temporal, wf(period), before, Date.now());
    const inv = await finishRun(database.db, temporal, period, wf(period));
    report('PostgreSQL unreachable 15 s', inv, recoverS, cutAt);
    expectSound(inv);
  }, 420_000);

  it('the Schedule firing while a manual run for the same period is underway: one run', async () => {
    const period = periodAt(new Date());
    const scheduleId = env.SHEQU_DISBURSEMENT_SCHEDULE_ID;
    await ensureDisbursementSchedule(temporal, env);
    const schedule = temporal.schedule.getHandle(scheduleId);
    try {
      expect(await startDisbursementRun(temporal, env, period, financeId)).toBe('started');
      const firedAt = Date.now();
      await schedule.trigger();
      const triggerId = await waitFor(
        'the Schedule to fire',
        async () => (await schedule.describe()).info.recentActions.at(-1)?.action.workflow.workflowId,
      );
      expect(await temporal.workflow.getHandle(triggerId).result()).toBe(`${wf(period)} exists already`);
      expect((await runRow(database.db, period))?.phase).not.toBe('completed'); // still underway when it fired

      const executions = async () => {
        const found = [];
        for await (const w of temporal.workflow.list({ query: `WorkflowId = '${wf(period)}'` })) found.push(w);
        return found;
      };
      // Visibility is eventually consistent: wait for the run to show, then make sure it is alone.
      await waitFor('the run in visibility', async () => (await executions()).length > 0);
      expect(await executions()).toHaveLength(1);
      // The manual run writes its row with its first activity, which a busy machine may not have
      // run yet when the Schedule fires: wait for it, then make sure it is the only one.
      const runRows = () =>
        database
          .db('disbursement_runs')
          .where({ period })
          .count()
          .then((r) => Number(r[0].count));
      await waitFor('the run row', async () => (await runRows()) > 0);
      expect(await runRows()).toBe(1);

      const inv = await finishRun(database.db, temporal, period, wf(period));
      report('Schedule fired during a manual run', inv, null, firedAt);
      expectSound(inv);
      expect(await executions()).toHaveLength(1);
    } finally {
      await schedule.delete();
    }
  }, 300_000);
});
