import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, sleep } from '../../scripts/processes.js';
import { startDevServer, type DevServer, type DevServerOptions } from '../../scripts/temporal-dev-server.js';
import { findings } from '../support/benefit.js';
import {
  faultClient,
  printFaultTable,
  recordFaultRow,
  type Answer,
  type FaultClient,
  type FaultRow,
} from '../support/fault-clients.js';
import { applicationBody } from '../support/fixtures.js';
import { createOpening, helperOf, hire, toInterview, toMatching } from '../support/referrals.js';
import { startApiProcess, startWorkerProcess, type ServiceProcess } from '../support/service-processes.js';
import { createTestDatabase, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.js';

// The case processes under the faults of production, with the real processes: two workers
// polling the same task queues throughout, the API as its own process, a Temporal dev server
// on a file it can be restarted on, and PostgreSQL behind a relay that can be cut. Each
// scenario breaks something while work is in flight, then checks that nothing was lost and
// nothing happened twice: one transition per decision, one case per request, one placement per
// hire, every change audited once. The table of what survived is printed at the end.

const PASSWORD = () => inject('demoPassword');
const bigDeadlines =
  'verifying=100000,community_review=100000,street_review=100000,district_approval=100000,returned=100000';

describe('case processes under faults', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let serverOpts: DevServerOptions;
  let server: DevServer;
  let workers: ServiceProcess[] = [];
  let api: ServiceProcess;
  let workerEnv: Record<string, string>;
  let apiEnv: Record<string, string>;
  let base: string;
  let cw: FaultClient;
  const rows: FaultRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'shequ-case-faults-'));

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
    server = await startDevServer(serverOpts, 90_000);
    const queue = `case-faults-${process.pid}`;
    const shared = {
      TEMPORAL_ADDRESS: server.address,
      SHEQU_TASK_QUEUE: queue,
      SHEQU_PAYMENTS_TASK_QUEUE: `${queue}-payments`,
      SHEQU_DISBURSEMENT_SCHEDULE_ID: `${queue}-monthly`,
      SHEQU_WATCH_SCHEDULE_ID: `${queue}-watch`,
      SHEQU_WATCH_SECONDS: '3600',
      SHEQU_WORKFLOW_ID_PREFIX: '',
      // One policy day = 2 s: the public notice (7 days) is a 14 s durable timer.
      SHEQU_DAY_SECONDS: '2',
      SHEQU_DEADLINE_DAYS: bigDeadlines,
      SHEQU_PLACEMENT_DAYS: '100000',
      SHEQU_IDEMPOTENCY_STALE_SECONDS: '5',
      SHEQU_SWEEP_SECONDS: '5',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    };
    // Workers reach PostgreSQL through the relay (the activities' traffic is what gets cut).
    workerEnv = { ...shared, DATABASE_URL: viaProxy(database.url, proxy) };
    apiEnv = { ...shared, DATABASE_URL: database.url, PORT: String(await freePort()), HOST: '127.0.0.1' };
    base = `http://127.0.0.1:${apiEnv.PORT}`;
    [workers, api] = await Promise.all([
      Promise.all([startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)]),
      startApiProcess(apiEnv),
    ]);
    cw = await faultClient(base, 'caseworker1', PASSWORD());
  }, 300_000);

  afterAll(async () => {
    const table = printFaultTable(rows);
    console.log(`\nfaults: what survived\n${table}\n`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/faults.json', JSON.stringify(rows, null, 2));
    await Promise.allSettled([...workers.map((w) => w.stop()), api?.stop()]);
    await server?.stop();
    await proxy?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const db = () => database.db;
  const stages = async (ids: number[]) =>
    new Map<number, string>(
      (await db()('applications').whereIn('id', ids).select('id', 'stage')).map((r) => [r.id, r.stage]),
    );
  const waitStages = (ids: number[], ok: string[], what: string, timeoutMs = 180_000) =>
    waitFor(
      `${ids.length} cases ${what}`,
      async () => [...(await stages(ids)).values()].filter((s) => ok.includes(s)).length === ids.length,
      timeoutMs,
    );
  /** How many times each case took `decision` (timeline rows, and audit events of the same action). */
  async function taken(ids: number[], decision: string) {
    const timeline = new Map<number, number>(
      (
        await db()('decisions')
          .whereIn('application_id', ids)
          .where({ decision })
          .groupBy('application_id')
          .select('application_id')
          .count({ n: '*' })
      ).map((r: any) => [r.application_id, Number(r.n)]),
    );
    const audited = new Map<string, number>(
      (
        await db()('audit_events')
          .whereIn('entity_id', ids.map(String))
          .where({ entity_type: 'application', action: `application.${decision}` })
          .groupBy('entity_id')
          .select('entity_id')
          .count({ n: '*' })
      ).map((r: any) => [r.entity_id, Number(r.n)]),
    );
    return ids.map((id) => ({ id, timeline: timeline.get(id) ?? 0, audited: audited.get(String(id)) ?? 0 }));
  }
  async function newCases(n: number, tag: string): Promise<number[]> {
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) => cw.post('/api/applications', applicationBody(3, { headName: `${tag}${i}` }))),
    );
    expect(created.map((c) => c.status)).toEqual(created.map(() => 201));
    const ids = created.map((c) => c.body.id as number);
    await waitStages(ids, ['community_review'], 'at community review');
    return ids;
  }
  /**
   * Kills (kill -9) the worker that is running an activity of one of these workflows right now,
   * found by the identity Temporal shows on the started activity (`pid@host`); if none is caught
   * in flight within a few seconds, the first worker. Says which it was.
   */
  async function killWorkerMidActivity(workflowIds: string[]): Promise<{ index: number; inFlight: boolean }> {
    const { Client, Connection } = await import('@temporalio/client');
    const connection = await Connection.connect({ address: server.address });
    try {
      const client = new Client({ connection });
      const until = Date.now() + 8_000;
      while (Date.now() < until) {
        const seen = await Promise.all(
          workflowIds.map((id) =>
            client.workflow
              .getHandle(id)
              .describe()
              .catch(() => undefined),
          ),
        );
        for (const d of seen) {
          const running = (d?.raw.pendingActivities ?? []).find((a) => a.lastStartedTime && a.lastWorkerIdentity);
          const index = running
            ? workers.findIndex((w) => running.lastWorkerIdentity!.startsWith(`${w.child.pid}@`))
            : -1;
          if (index >= 0) {
            await workers[index].kill();
            return { index, inFlight: true };
          }
        }
      }
      await workers[0].kill();
      return { index: 0, inFlight: false };
    } finally {
      await connection.close();
    }
  }
  const approveBody = async (id: number) => ({
    decision: 'approve',
    comment: '入户核实，情况属实',
    findings: findings(await cw.get(`/api/applications/${id}`)),
  });
  const lastAt = (answers: Answer[]) => Math.max(...answers.map((a) => a.at));
  function record(
    scenario: string,
    attempted: number,
    outcome: { timeline: number; audited: number }[],
    recoverS: number | null,
  ) {
    const row = {
      scenario,
      attempted,
      completed: outcome.filter((o) => o.timeline === 1 && o.audited === 1).length,
      lost: outcome.filter((o) => o.timeline === 0).length,
      duplicated: outcome.filter((o) => o.timeline > 1 || o.audited > 1).length,
      recoverS,
    };
    rows.push(row);
    recordFaultRow(row);
    expect(row).toMatchObject({ completed: attempted, lost: 0, duplicated: 0 });
  }

  it('a worker killed (kill -9) while dibao decisions are being recorded: the other worker and a new one finish each exactly once', async () => {
    const ids = await newCases(10, '甲');
    const bodies = await Promise.all(ids.map(approveBody));
    const calls = ids.map((id, i) => cw.post(`/api/applications/${id}/decisions`, bodies[i]));
    const killed = await killWorkerMidActivity(ids.map((id) => `benefit-${id}`));
    const killedAt = Date.now();
    workers[killed.index] = await startWorkerProcess(workerEnv);
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    await waitStages(ids, ['public_notice', 'street_review'], 'in public notice');
    record(
      `worker kill -9 during decisions${killed.inFlight ? ' (activity in flight)' : ''}`,
      ids.length,
      await taken(ids, 'approve'),
      (lastAt(answers) - killedAt) / 1000,
    );
  }, 300_000);

  it('the API killed (kill -9) with creations in flight: retries with the same key get the original answer, never a second case', async () => {
    const keys = Array.from({ length: 16 }, () => randomUUID());
    const bodies = keys.map((_, i) => applicationBody(3, { headName: `乙${i}` }));
    const calls = keys.map((k, i) => cw.post('/api/applications', bodies[i], k));
    await sleep(120);
    const killedAt = Date.now();
    await api.kill();
    api = await startApiProcess(apiEnv);
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual(keys.map(() => 201));
    // Asked once more, each key answers with the case it created.
    const again = await Promise.all(keys.map((k, i) => cw.post('/api/applications', bodies[i], k)));
    expect(again.map((a) => [a.body.id, a.replayed])).toEqual(answers.map((a) => [a.body.id, true]));
    const made = await db()('applications as a')
      .join('households as h', 'h.id', 'a.household_id')
      .where('h.head_name', 'like', '乙%')
      .select('a.id', 'h.head_name');
    const perName = new Map<string, number>();
    for (const m of made) perName.set(m.head_name, (perName.get(m.head_name) ?? 0) + 1);
    // Every case's workflow runs, also those whose request died between commit and start (the API's sweep).
    await waitStages(
      made.map((m) => m.id),
      ['community_review'],
      'started and verified',
    );
    const outcome = bodies.map((b) => ({
      timeline: perName.get(b.headName) ?? 0,
      audited: perName.get(b.headName) ?? 0,
    }));
    const audits = Number(
      (
        await db()('audit_events')
          .whereIn(
            'entity_id',
            made.map((m) => String(m.id)),
          )
          .where({ action: 'application.submit' })
          .count({ n: '*' })
      )[0].n,
    );
    expect(audits).toBe(made.length);
    record(
      'API kill -9 during creations (idempotent retries)',
      keys.length,
      outcome,
      (lastAt(answers) - killedAt) / 1000,
    );
  }, 300_000);

  it('the Temporal server restarted (same file) while cases wait on the public notice timer and on decisions', async () => {
    const waiting = await newCases(6, '丙');
    await Promise.all(
      waiting.map(async (id) =>
        expect((await cw.post(`/api/applications/${id}/decisions`, await approveBody(id))).status).toBe(200),
      ),
    );
    const deciding = await newCases(6, '丁');
    const bodies = await Promise.all(deciding.map(approveBody));
    const calls = deciding.map((id, i) => cw.post(`/api/applications/${id}/decisions`, bodies[i]));
    await sleep(100);
    const stoppedAt = Date.now();
    await server.stop();
    await sleep(3_000);
    server = await startDevServer(serverOpts, 90_000);
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual(deciding.map(() => 200));
    // The notice timers started before the restart still end it: the cases move to street review.
    await waitStages(waiting, ['street_review'], 'past the notice', 120_000);
    const recovered = Date.now();
    await waitStages(deciding, ['public_notice', 'street_review'], 'in public notice');
    const notice = await taken(waiting, 'notice_ended');
    const decided = await taken(deciding, 'approve');
    record('Temporal restart: notice timers', waiting.length, notice, (recovered - stoppedAt) / 1000);
    record('Temporal restart: decisions in flight', deciding.length, decided, (lastAt(answers) - stoppedAt) / 1000);
  }, 300_000);

  it('PostgreSQL unreachable for 20 s while new cases are verified: activities retry, each case verified once', async () => {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cw.post('/api/applications', applicationBody(3, { headName: `戊${i}` }))),
    );
    const ids = created.map((c) => c.body.id as number);
    proxy.cut();
    const cutAt = Date.now();
    await sleep(20_000);
    proxy.restore();
    await waitStages(ids, ['community_review'], 'verified after the cut', 180_000);
    const recovered = Date.now();
    record(
      'PostgreSQL unreachable 20 s (workers)',
      ids.length,
      await taken(ids, 'verified'),
      (recovered - cutAt) / 1000 - 20,
    );
  }, 300_000);

  it('a worker killed (kill -9) while hires take the last places of an opening: one placement per hire, places counted once', async () => {
    const cwApi: ApiClient = {
      token: cw.token,
      call: async (method, path, body) => {
        const a = method === 'POST' ? await cw.post(path, body) : { status: 200, body: await cw.get(path) };
        return { status: a.status, body: a.body, headers: new Headers() };
      },
    };
    const stackLike = { db: db() } as unknown as TestStack;
    expect(await helperOf(stackLike)).toBeGreaterThan(0);
    const skills = ['叉车', '仓储管理'];
    const opening = await createOpening(cwApi, { requiredSkills: skills, places: 5, streetId: 2 });
    const referrals = [];
    for (let i = 0; i < 5; i++) referrals.push(await toMatching(stackLike, cwApi, skills, [opening.id]));
    for (const r of referrals) await toInterview(cwApi, r.id, opening.id, 3_600_000);
    const calls = referrals.map((r) => hire(cwApi, r.id));
    const killed = await killWorkerMidActivity(referrals.map((r) => `referral-${r.id}`));
    const killedAt = Date.now();
    workers[killed.index] = await startWorkerProcess(workerEnv);
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual(referrals.map(() => 200));
    const recovered = Date.now();
    const placements = new Map<number, number>(
      (
        await db()('placements')
          .whereIn(
            'referral_id',
            referrals.map((r) => r.id),
          )
          .groupBy('referral_id')
          .select('referral_id')
          .count({ n: '*' })
      ).map((p: any) => [p.referral_id, Number(p.n)]),
    );
    const audited = new Map<string, number>(
      (
        await db()('audit_events')
          .whereIn(
            'entity_id',
            referrals.map((r) => String(r.id)),
          )
          .where({ action: 'referral.hired' })
          .groupBy('entity_id')
          .select('entity_id')
          .count({ n: '*' })
      ).map((p: any) => [p.entity_id, Number(p.n)]),
    );
    expect((await db()('job_openings').where({ id: opening.id }).first('places_left')).places_left).toBe(0);
    record(
      `worker kill -9 during placements${killed.inFlight ? ' (activity in flight)' : ''}`,
      referrals.length,
      referrals.map((r) => ({ timeline: placements.get(r.id) ?? 0, audited: audited.get(String(r.id)) ?? 0 })),
      (recovered - killedAt) / 1000,
    );
  }, 400_000);

  it('SIGTERM to a worker and to the API: in-flight work drains and answers, nothing is cut in half', async () => {
    const ids = await newCases(8, '己');
    const bodies = await Promise.all(ids.map(approveBody));
    const calls = ids.map((id, i) => cw.post(`/api/applications/${id}/decisions`, bodies[i]));
    await sleep(100);
    const stoppedAt = Date.now();
    await workers[0].stop(20_000);
    expect(workers[0].child.exitCode).toBe(0);
    workers[0] = await startWorkerProcess(workerEnv);
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    await waitStages(ids, ['public_notice', 'street_review'], 'in public notice');
    record(
      'worker SIGTERM during decisions',
      ids.length,
      await taken(ids, 'approve'),
      (lastAt(answers) - stoppedAt) / 1000,
    );

    const keys = Array.from({ length: 10 }, () => randomUUID());
    const creations = keys.map((k, i) => applicationBody(3, { headName: `庚${i}` }));
    const inFlight = keys.map((k, i) => cw.post('/api/applications', creations[i], k));
    await sleep(80);
    const apiStoppedAt = Date.now();
    await api.stop(20_000);
    expect(api.child.exitCode).toBe(0);
    api = await startApiProcess(apiEnv);
    const created = await Promise.all(inFlight);
    expect(created.map((c) => c.status)).toEqual(keys.map(() => 201));
    const made = await db()('applications as a')
      .join('households as h', 'h.id', 'a.household_id')
      .where('h.head_name', 'like', '庚%')
      .select('a.id', 'h.head_name');
    expect(made).toHaveLength(keys.length);
    await waitStages(
      made.map((m) => m.id),
      ['community_review'],
      'started and verified',
    );
    record(
      'API SIGTERM during creations',
      keys.length,
      made.map(() => ({ timeline: 1, audited: 1 })),
      (lastAt(created) - apiStoppedAt) / 1000,
    );
  }, 300_000);
});
