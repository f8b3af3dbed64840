import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Knex } from 'knex';
import { createApp } from '../api/app.js';
import { startDisbursementRun } from '../api/temporal/disbursements.js';
import { loadEnv } from '../config/env.js';
import { periodAt } from '../domain/disbursement.js';
import { idCheckChar, maskAccount, maskIdNumber } from '../domain/id-number.js';
import { provisionTemporalCli } from '../scripts/temporal-cli.js';
import { startDevServer } from '../scripts/temporal-dev-server.js';
import { freePort, sleep, stopChild } from '../scripts/processes.js';
import { benchDatabase, loginToken } from './database.js';
import { seedBulkEnrollments } from './disbursement-seed.js';
import { activityProfile } from './history-profile.js';
import { PII_CHUNK, piiArrays } from './pii-columns.js';
import { OpLog, runFor, runLoad } from './load.js';
import { round2, summarise, type BenchResult } from './report.js';

// `npm run bench -- load [--users=50 --seconds=60 --background=5000 --households=20000 --pool=N]`:
// a working day through the real API, a real Temporal dev server and a real worker process.
// Virtual users in working-day proportions (60% caseworkers, 16% street reviewers, 8% district
// approvers, 10% supervisors, 6% finance), each with an account of their own, loop with 0–200 ms
// of think time between requests: caseworkers list, open, submit new applications and record
// the home visit (approve at community review) on their own cases; reviewers and approvers list
// their queue, open and approve; supervisors read the dashboard, the stuck list and the district's
// applications; finance list payments and runs and sign this month's run off once it is built.
// This month's run for N enrolled households starts in the background a few seconds in. Every
// case a user advances is a real one (submitted through the API, its workflow running), and each
// case belongs to exactly one user at each stage, so no two users ever act on one case and
// every answer is known in advance: any 5xx, network failure or unexpected 4xx is an error.
// The floor, measured in the same run right after the mix has settled (no request, timer or run
// left in flight), is the same users doing only their list requests for the same time.

const log = (s: string) => console.log(`[load] ${s}`);
const NOTICE_S = 5; // the public notice, shortened from 7 days so cases reach the street in the run
const THINK_MS = 200;

type Role = 'caseworker' | 'street_reviewer' | 'district_approver' | 'supervisor' | 'finance';
const ROLE_SHARE: [Role, number][] = [
  ['street_reviewer', 0.16],
  ['district_approver', 0.08],
  ['supervisor', 0.1],
  ['finance', 0.06],
];

interface VUser {
  n: number;
  role: Role;
  username: string;
  id: number;
  token: string;
  unitId: number;
  streetId: number | null;
  /** Which share of the cases at its stage this user owns: case id % of === slot. */
  slot: number;
  of: number;
  rnd: () => number;
}

interface Answer {
  status: number;
  body: any;
}

/** A repeatable random sequence (mulberry32) per user. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Role counts for `users` users: at least one of each, the rest caseworkers. */
export function roleCounts(users: number): Record<Role, number> {
  const counts = Object.fromEntries(ROLE_SHARE.map(([r, p]) => [r, Math.max(1, Math.round(p * users))])) as Record<
    Role,
    number
  >;
  counts.caseworker = users - Object.values(counts).reduce((a, b) => a + b, 0);
  if (counts.caseworker < 1) throw new Error('--users must be at least 5 (one of each role)');
  return counts;
}

/** ID numbers no other case holds: serial k → birth date 1940-01-01 + k/1000 days, serial k % 1000. */
const idOf = (k: number) => {
  const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(k / 1000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const first17 = `321202${birth}${String(k % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const listPath = (
  resource: string,
  filter: Record<string, unknown>,
  sort: [string, string],
  range: [number, number] = [0, 24],
) => `/api/${resource}?sort=${enc(sort)}&range=${enc(range)}&filter=${enc(filter)}`;

/** "Ask again in a moment": the case is still recording its previous step (api/temporal/case-updates.ts). */
const retrySoon = (a: Answer) =>
  a.status === 409 && /请稍后|being recorded|continuing as new|retry/.test(String(a.body?.message ?? ''));

/**
 * Background caseload by SQL: `n` applications over every community at every stage (no workflow
 * behind them: they are only listed, counted and opened), two members each, their submission
 * and last transition in `decisions` spread over 12 weeks, 1 in 50 open ones overdue.
 */
async function seedBackground(db: Knex, n: number) {
  const shape = `
    WITH c AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(parent_id ORDER BY id) AS streets FROM org_units WHERE kind = 'community'),
         s AS (SELECT g, c.ids[1 + g % cardinality(c.ids)] AS community_id, c.streets[1 + g % cardinality(c.ids)] AS street_id,
                      (ARRAY['verifying','community_review','community_review','community_review','public_notice','street_review','street_review',
                             'district_approval','enrolled','enrolled','enrolled','enrolled','enrolled','enrolled','rejected','rejected',
                             'withdrawn','returned','community_review','street_review'])[1 + g % 20] AS stage,
                      now() - make_interval(days => g % 84, mins => g % 1440) AS since
                 FROM generate_series(1, :n::int) g, c)`;
  const submitter = await db('users').where({ username: 'caseworker1' }).first('id');
  await db.transaction(async (trx) => {
    const {
      rows: [m],
    } = await trx.raw(`SELECT coalesce(max(id), 0)::int AS base FROM households`);
    const p = { n, base: m.base, submitter: submitter.id };
    // Accounts and ID numbers are sealed in Node, a chunk of households per statement.
    for (let lo = 1; lo <= n; lo += PII_CHUNK) {
      const size = Math.min(PII_CHUNK, n - lo + 1);
      const a = piiArrays(
        Array.from({ length: size }, (_, i) => `62221${String(lo + i).padStart(11, '0')}`),
        maskAccount,
      );
      await trx.raw(
        `WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM org_units WHERE kind = 'community'),
              a AS (SELECT :lo::int - 1 + k::int AS g, enc, hash, masked FROM unnest(:enc::text[], :hash::text[], :masked::text[]) WITH ORDINALITY AS u(enc, hash, masked, k))
         INSERT INTO households (id, head_name, address, community_id, category, bank_account_enc, bank_account_hash, bank_account_masked)
         SELECT :base::int + g, '户主' || g, '海陵区背景路' || g || '号', c.ids[1 + g % cardinality(c.ids)], (ARRAY['A','B','C'])[1 + g % 3], enc, hash, masked FROM a, c`,
        { ...p, lo, enc: a.enc, hash: a.hash, masked: a.masked },
      );
      // Two members a household (r = 0 head, 1 spouse), born 1950-01-01 + g / 500 days.
      const ids = Array.from({ length: size * 2 }, (_, i) => {
        const g = lo + (i >> 1);
        const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(g / 500) * 86_400_000)
          .toISOString()
          .slice(0, 10)
          .replaceAll('-', '');
        return `321203${born}${String((g % 500) * 2 + (i & 1)).padStart(3, '0')}0`;
      });
      const m = piiArrays(ids, maskIdNumber);
      await trx.raw(
        `WITH a AS (SELECT :lo::int + (k::int - 1) / 2 AS g, (k::int - 1) % 2 AS r, enc, hash, masked FROM unnest(:enc::text[], :hash::text[], :masked::text[]) WITH ORDINALITY AS u(enc, hash, masked, k))
         INSERT INTO household_members (household_id, name, id_number_enc, id_number_hash, id_number_masked, relation, birth_date, monthly_income_fen)
         SELECT :base::int + g, CASE r WHEN 0 THEN '户主' || g ELSE '家属' || g END, enc, hash, masked,
                CASE r WHEN 0 THEN 'head' ELSE 'spouse' END, date '1950-01-01' + (g / 500), CASE r WHEN 0 THEN 20000 + g % 300 * 100 ELSE 0 END
           FROM a`,
        { ...p, lo, enc: m.enc, hash: m.hash, masked: m.masked },
      );
    }
    const { rows: apps } = await trx.raw(
      `${shape} INSERT INTO applications (household_id, community_id, street_id, stage, workflow_id, submitted_by, stage_since, deadline_at, overdue,
                                          workflow_started_at, created_at, proposed_amount_fen)
       SELECT :base::int + g, community_id, street_id, stage, 'background-' || g, :submitter::int, since,
              CASE WHEN stage IN ('enrolled','rejected','withdrawn') THEN NULL WHEN g % 50 = 0 THEN now() - interval '2 days' ELSE since + interval '15 days' END,
              stage NOT IN ('enrolled','rejected','withdrawn') AND g % 50 = 0,
              since - interval '10 days', since - interval '10 days', 40000 + g % 300 * 100
         FROM s
       RETURNING id`,
      p,
    );
    await trx.raw(
      `INSERT INTO decisions (application_id, seq, from_stage, to_stage, decision, actor_id, actor_name, actor_role, at, deadline_at)
       SELECT a.id, 0, NULL, 'submitted', 'submit', :submitter::int, 'caseworker1', 'caseworker', a.created_at, a.created_at + interval '12 days' FROM applications a WHERE a.id = ANY(:ids)
       UNION ALL
       SELECT a.id, 1, 'submitted', a.stage, 'seeded', NULL::int, NULL, NULL, a.stage_since, a.deadline_at FROM applications a WHERE a.id = ANY(:ids)`,
      { submitter: submitter.id, ids: apps.map((r: { id: number }) => r.id) },
    );
  });
}

/** Each activity attempt after the first in a workflow's history: when, on which worker, and why the one before ended. */
async function retriedAttempts(temporal: Client, workflowId: string): Promise<string> {
  const events = (await temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const byId = new Map(events.map((e) => [Number(e.eventId), e]));
  const at = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
    t ? Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : 0;
  return (
    events
      .filter((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1)
      .map((e) => {
        const s = e.activityTaskStartedEventAttributes!;
        const scheduled = byId.get(Number(s.scheduledEventId));
        const f = s.lastFailure;
        return `${scheduled?.activityTaskScheduledEventAttributes?.activityType?.name} attempt ${s.attempt} started ${((at(e.eventTime) - at(scheduled?.eventTime)) / 1000).toFixed(1)} s after scheduling by ${s.identity}; the attempt before: ${f?.message ?? '?'}${f?.timeoutFailureInfo ? ` (timeout type ${f.timeoutFailureInfo.timeoutType})` : ''}`;
      })
      .join('; ') || 'none'
  );
}

export async function workdayBench(args: {
  users?: number;
  seconds?: number;
  background?: number;
  households?: number;
  pool?: number;
}): Promise<BenchResult> {
  const users = args.users ?? 50;
  const seconds = args.seconds ?? 60;
  const counts = roleCounts(users);
  const params = {
    users,
    seconds,
    roles: counts,
    background: args.background ?? 5000,
    households: args.households ?? 20_000,
    pool: args.pool ?? Math.ceil(seconds / 3),
    noticeSeconds: NOTICE_S,
    thinkMs: `0-${THINK_MS}`,
    floor: 'after the mix (settled): the same users, list requests only, same duration',
  };
  const period = periodAt(new Date());

  const { db, url, stop } = await benchDatabase('load');
  // Stopped in reverse order of start, whatever failed on the way.
  const cleanup: (() => Promise<unknown>)[] = [stop];
  try {
    let t = performance.now();
    await seedBackground(db, params.background);
    const bulk = await seedBulkEnrollments(db, { households: params.households, period, label: 'enrolled' });
    await db.raw('ANALYZE');
    log(
      `seeded ${params.background} background applications and ${params.households} enrolled households (${bulk.expectedLines} due a line in ${period}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const cli = await provisionTemporalCli(() => undefined);
    const temporalServer = await startDevServer(
      { cliPath: cli.path, port: await freePort(), namespace: 'default' },
      90_000,
    );
    cleanup.push(() => temporalServer.stop());
    const env = loadEnv({
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporalServer.address,
      SHEQU_NOTICE_DAYS: String(NOTICE_S / 86_400),
      SHEQU_BANK_POLL_MS: '500',
      // Fifty people sign in from the bench's one address within seconds.
      SHEQU_LOGIN_RATE_PER_MINUTE: '1000',
    });
    const connection = await Connection.connect({ address: temporalServer.address });
    cleanup.push(() => connection.close());
    const temporal = new Client({ connection });
    // The worker is its own process, as in production (and as in the intake bench). The simulated
    // bank answers in a second and fails no line, so a signed-off run completes.
    const worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        TEMPORAL_ADDRESS: temporalServer.address,
        LOG_LEVEL: 'warn',
        SHEQU_BANK_LATENCY_MS: '1000',
        SHEQU_BANK_FAILURE_RATE: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    cleanup.push(() => stopChild(worker));
    const { app } = createApp({ db, temporal, env, version: 'bench' });
    const server = app.listen(0, '127.0.0.1');
    cleanup.push(async () => {
      server.closeAllConnections();
      server.close();
    });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // ---- people: an account each, caseworkers in communities of as many streets as reviewers need
    const streets: { id: number }[] = await db('org_units').where({ kind: 'street' }).orderBy('id').select('id');
    const communities: { id: number; parent_id: number }[] = await db('org_units')
      .where({ kind: 'community' })
      .orderBy('id')
      .select('id', 'parent_id');
    const district = await db('org_units').where({ kind: 'district' }).first('id');
    const usedStreets = streets.slice(0, Math.min(streets.length, Math.max(1, Math.ceil(counts.street_reviewer / 2))));
    const { password_hash } = await db('users').where({ username: 'caseworker1' }).first('password_hash');
    const plan: Omit<VUser, 'id' | 'token'>[] = [];
    const order: Role[] = ['caseworker', 'street_reviewer', 'district_approver', 'supervisor', 'finance'];
    for (const role of order) {
      for (let i = 0; i < counts[role]; i++) {
        const n = plan.length;
        const rnd = random(1000 + n);
        const short = {
          caseworker: 'cw',
          street_reviewer: 'rv',
          district_approver: 'ap',
          supervisor: 'sv',
          finance: 'fi',
        }[role];
        if (role === 'caseworker') {
          const street = usedStreets[i % usedStreets.length];
          const mine = communities.filter((c) => c.parent_id === street.id);
          plan.push({
            n,
            role,
            username: `load.${short}${i + 1}`,
            unitId: mine[Math.floor(i / usedStreets.length) % mine.length].id,
            streetId: street.id,
            slot: 0,
            of: 1,
            rnd,
          });
        } else if (role === 'street_reviewer') {
          const street = usedStreets[i % usedStreets.length];
          const of =
            Math.floor(counts.street_reviewer / usedStreets.length) +
            (i % usedStreets.length < counts.street_reviewer % usedStreets.length ? 1 : 0);
          plan.push({
            n,
            role,
            username: `load.${short}${i + 1}`,
            unitId: street.id,
            streetId: street.id,
            slot: Math.floor(i / usedStreets.length),
            of,
            rnd,
          });
        } else
          plan.push({
            n,
            role,
            username: `load.${short}${i + 1}`,
            unitId: district.id,
            streetId: null,
            slot: i,
            of: counts[role],
            rnd,
          });
      }
    }
    const inserted = await db('users')
      .insert(
        plan.map((p) => ({
          username: p.username,
          display_name: p.username,
          role: p.role,
          org_unit_id: p.unitId,
          password_hash,
          active: true,
        })),
      )
      .returning(['id', 'username']);
    const idByName = new Map<string, number>(inserted.map((r: { id: number; username: string }) => [r.username, r.id]));
    const people: VUser[] = [];
    for (const p of plan)
      people.push({ ...p, id: idByName.get(p.username)!, token: await loginToken(base, p.username) });
    const byRole = (role: Role) => people.filter((p) => p.role === role);
    const caseworkers = byRole('caseworker');
    const reviewers = byRole('street_reviewer');
    const approvers = byRole('district_approver');
    const reviewerOf = (caseId: number, streetId: number) =>
      reviewers.find((r) => r.streetId === streetId && caseId % r.of === r.slot)!;
    const approverOf = (caseId: number) => approvers[caseId % approvers.length];

    // ---- the API as the users' browsers call it
    let keys = 0;
    const resent: string[] = [];
    const call = async (u: VUser, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
      const headers: Record<string, string> = { authorization: `Bearer ${u.token}` };
      if (method === 'POST')
        Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': `load-${u.n}-${++keys}` });
      const send = () =>
        fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      // A kept-alive connection the server closed as idle just as the request went out on it (its
      // 5 s keep-alive timer and the client's reuse race when the event loop stalls): sent again
      // once, as a browser does, under the same Idempotency-Key. Counted, never hidden.
      const r = await send().catch((e: Error & { cause?: { code?: string; message?: string } }) => {
        if (!['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(e.cause?.code ?? '')) throw e;
        resent.push(`${method} ${path.replace(/\?.*/, '')}: ${e.cause?.code} ${e.cause?.message}`);
        return send();
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON: kept as text */
      }
      return { status: r.status, body: parsed };
    };
    let retries = 0;
    /** A POST, asked again (with a new key, as a second click would be) while the case says "in a moment". */
    const post = async (u: VUser, path: string, body: unknown): Promise<Answer> => {
      for (let attempt = 1; ; attempt++) {
        const a = await call(u, 'POST', path, body);
        if (!retrySoon(a) || attempt >= 6) return a;
        retries++;
        await sleep(250 * attempt);
      }
    };
    const problems = new Map<string, { count: number; example: string }>();
    const problem = (op: string, what: string, example: string) => {
      const p = problems.get(`${op}: ${what}`) ?? { count: 0, example };
      p.count++;
      problems.set(`${op}: ${what}`, p);
      return false;
    };
    /** The answer is the expected status, else an error of `op` with what came back. */
    const expect = (op: string, method: string, path: string, a: Answer, status: number, reqBody?: unknown) =>
      a.status === status ||
      problem(
        op,
        `${method} ${path.replace(/\d+/g, ':n').replace(/\?.*/, '')} → ${a.status} ${String(a.body?.message ?? '').slice(0, 160)}`,
        `${method} ${path}${reqBody ? ` ${JSON.stringify(reqBody).slice(0, 300)}` : ''} → ${a.status} ${JSON.stringify(a.body).slice(0, 400)}`,
      );
    /** Network failures and throws of the bench itself are errors too, with what was thrown. */
    const guarded = (op: string, run: () => Promise<boolean>) => () =>
      run().catch((e: Error & { cause?: { code?: string; message?: string } }) =>
        problem(
          op,
          `threw ${e.name}: ${e.message.slice(0, 120)}${e.cause ? ` (cause: ${e.cause.code ?? ''} ${e.cause.message ?? ''})` : ''}`,
          String(e.stack ?? e).slice(0, 400),
        ),
      );

    // ---- cases: who owns what, and where each one must stand at the end
    let serial = 0;
    const expected = new Map<number, string>();
    const pending = new Map<number, number[]>(); // caseworker → own cases not yet recommended
    const queues = new Map<number, { id: number; readyAt: number }[]>(); // reviewer / approver → cases waiting on them
    for (const p of people) (p.role === 'caseworker' ? pending : queues).set(p.n, []);
    const enqueue = (u: VUser, id: number, readyAt = 0) => queues.get(u.n)!.push({ id, readyAt });
    const takeReady = (u: VUser) => {
      const q = queues.get(u.n)!;
      const i = q.findIndex((c) => c.readyAt <= Date.now());
      return i < 0 ? undefined : q.splice(i, 1)[0];
    };
    const applicationBody = (u: VUser) => {
      const k = serial++;
      return {
        headName: `申请人${k}`,
        address: '海陵区东风路88号',
        communityId: u.unitId,
        category: 'ABC'[k % 3],
        members: [
          {
            name: `申请人${k}`,
            idNumber: idOf(2 * k),
            relation: 'head',
            disabled: false,
            monthlyIncomeFen: 30_000 + (k % 100) * 100,
          },
          { name: `家属${k}`, idNumber: idOf(2 * k + 1), relation: 'spouse', disabled: false, monthlyIncomeFen: 0 },
        ],
      };
    };
    const homeVisit = (d: { members: { id: number; monthlyIncomeFen: number }[] }) => ({
      decision: 'approve',
      comment: '入户核实，情况属实',
      findings: {
        visitedOn: new Date().toISOString().slice(0, 10),
        notes: '家中无车辆、无其他房产',
        members: d.members.map((m) => ({ memberId: m.id, monthlyIncomeFen: m.monthlyIncomeFen })),
      },
    });
    const waitStage = async (ids: number[], stage: string, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const there = Number((await db('applications').whereIn('id', ids).where({ stage }).count())[0].count);
        if (there === ids.length) return;
        if (Date.now() > deadline)
          throw new Error(
            `${ids.length - there} of ${ids.length} cases did not reach ${stage} within ${timeoutMs / 1000} s`,
          );
        await sleep(250);
      }
    };

    // ---- the reviewers' and approvers' first cases, made through the API before the clock starts
    t = performance.now();
    const poolSize = params.pool * (reviewers.length + approvers.length);
    const pool: { id: number; by: VUser; detail: { members: { id: number; monthlyIncomeFen: number }[] } }[] = [];
    const setup = async (what: string, total: number, request: (i: number) => Promise<boolean>) => {
      const r = await runLoad({ total, concurrency: 8, request: (i) => guarded(`setup ${what}`, () => request(i))() });
      if (r.errors)
        throw new Error(
          `setup: ${r.errors} of ${total} ${what} failed: ${JSON.stringify([...problems.entries()].slice(0, 3))}`,
        );
    };
    await setup('submit', poolSize, async (i) => {
      const u = caseworkers[i % caseworkers.length];
      const body = applicationBody(u);
      const a = await post(u, '/api/applications', body);
      if (a.status === 201) pool.push({ id: a.body.id, by: u, detail: a.body });
      return expect('setup submit', 'POST', '/api/applications', a, 201, body);
    });
    await waitStage(
      pool.map((c) => c.id),
      'community_review',
    );
    await setup('home visit', pool.length, async (i) => {
      const c = pool[i];
      const a = await post(c.by, `/api/applications/${c.id}/decisions`, homeVisit(c.detail));
      return expect('setup home visit', 'POST', `/api/applications/${c.id}/decisions`, a, 200);
    });
    await waitStage(
      pool.map((c) => c.id),
      'street_review',
    );
    pool.sort((a, b) => a.id - b.id);
    const forApprovers = pool.filter((_, i) => i % (reviewers.length + approvers.length) >= reviewers.length);
    await setup('street review', forApprovers.length, async (i) => {
      const c = forApprovers[i];
      const a = await post(reviewerOf(c.id, c.by.streetId!), `/api/applications/${c.id}/decisions`, {
        decision: 'approve',
        comment: '同意',
      });
      return expect('setup street review', 'POST', `/api/applications/${c.id}/decisions`, a, 200);
    });
    await waitStage(
      forApprovers.map((c) => c.id),
      'district_approval',
    );
    const approverPool = new Set(forApprovers.map((c) => c.id));
    for (const c of pool) {
      if (approverPool.has(c.id)) {
        enqueue(approverOf(c.id), c.id);
        expected.set(c.id, 'district_approval');
      } else {
        enqueue(reviewerOf(c.id, c.by.streetId!), c.id);
        expected.set(c.id, 'street_review');
      }
    }
    log(
      `${people.length} users (${JSON.stringify(counts)}) logged in; ${pool.length} real cases waiting on reviewers and approvers, made in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // ---- what each role does
    const think = (u: VUser) => sleep(u.rnd() * THINK_MS);
    const streetIds = streets.map((s) => s.id);
    const listOps: Record<Role, ((u: VUser, log: OpLog, turn: number) => Promise<Answer | undefined>)[]> = {
      caseworker: [
        (u, ops, turn) => {
          const views: [Record<string, unknown>, [string, string]][] = [
            [{ myQueue: true }, ['stageSince', 'ASC']],
            [{}, ['createdAt', 'DESC']],
            [{ stage: ['verifying', 'community_review'] }, ['createdAt', 'DESC']],
            [{ q: String(100 + (turn % 900)) }, ['id', 'DESC']],
          ];
          const [filter, sort] = views[turn % views.length];
          return listed(u, ops, 'caseworker:list', listPath('applications', filter, sort));
        },
      ],
      street_reviewer: [
        (u, ops) => listed(u, ops, 'reviewer:list', listPath('applications', { myQueue: true }, ['stageSince', 'ASC'])),
      ],
      district_approver: [
        (u, ops, turn) =>
          listed(
            u,
            ops,
            'approver:list',
            listPath('applications', { myQueue: true }, ['stageSince', 'ASC'], [(turn % 3) * 25, (turn % 3) * 25 + 24]),
          ),
      ],
      supervisor: [
        (u, ops) => listed(u, ops, 'supervisor:workflows', listPath('workflows', {}, ['since', 'ASC'])),
        (u, ops, turn) => {
          const views: Record<string, unknown>[] = [
            { myQueue: true },
            { overdue: true },
            { stage: 'street_review' },
            { streetId: streetIds[turn % streetIds.length] },
          ];
          return listed(
            u,
            ops,
            'supervisor:list',
            listPath('applications', views[turn % views.length], ['stageSince', 'ASC']),
          );
        },
      ],
      finance: [
        (u, ops, turn) =>
          listed(
            u,
            ops,
            'finance:payments',
            listPath('payments', { period }, ['id', 'ASC'], [(turn % 4) * 25, (turn % 4) * 25 + 24]),
          ),
        (u, ops) => listed(u, ops, 'finance:runs', listPath('disbursement-runs', {}, ['period', 'DESC'])),
      ],
    };
    /** A list request: an error unless 200 with a Content-Range total; the rows for what comes next. */
    async function listed(u: VUser, ops: OpLog, op: string, path: string): Promise<Answer | undefined> {
      let a: Answer | undefined;
      await ops.time(
        op,
        guarded(op, async () => {
          a = await call(u, 'GET', path);
          return expect(op, 'GET', path, a, 200) && (Array.isArray(a.body) || problem(op, 'not a list', path));
        }),
      );
      return a?.status === 200 ? a : undefined;
    }
    type Detail = {
      id: number;
      stage: string;
      blocked: boolean;
      allowedActions: string[];
      members: { id: number; monthlyIncomeFen: number }[];
    };
    /** Opens a case; one of the user's own must stand at one of `stages` (else an error of the open). */
    async function open(u: VUser, ops: OpLog, op: string, id: number, stages?: string[]) {
      let a: Answer | undefined;
      await ops.time(
        op,
        guarded(op, async () => {
          a = await call(u, 'GET', `/api/applications/${id}`);
          if (!expect(op, 'GET', `/api/applications/${id}`, a, 200)) return false;
          const d = a.body as Detail;
          return (
            !stages ||
            (stages.includes(d.stage) && !d.blocked) ||
            problem(
              op,
              `own case at ${d.stage}${d.blocked ? ' (blocked)' : ''}, expected ${stages.join(' or ')}`,
              `GET /api/applications/${id} → ${JSON.stringify({ stage: d.stage, allowedActions: d.allowedActions })}`,
            )
          );
        }),
      );
      return a?.status === 200 ? (a.body as Detail) : undefined;
    }
    const slow: { op: string; id: number; ms: number; at: number }[] = [];
    async function decide(u: VUser, ops: OpLog, op: string, id: number, body: unknown) {
      const started = performance.now();
      const at = Date.now();
      const ok = await ops.time(
        op,
        guarded(op, async () => {
          const a = await post(u, `/api/applications/${id}/decisions`, body);
          return expect(op, 'POST', `/api/applications/${id}/decisions`, a, 200, body);
        }),
      );
      if (performance.now() - started > 20_000) slow.push({ op, id, ms: Math.round(performance.now() - started), at });
      return ok;
    }
    const done = {
      submitted: 0,
      recommended: 0,
      streetApproved: 0,
      districtApproved: 0,
      idleReviews: 0,
      runApproved: false,
    };
    let runId: number | undefined;

    const mix: Record<Role, (u: VUser, live: () => boolean, ops: OpLog) => Promise<void>> = {
      async caseworker(u, live, ops) {
        for (let turn = 0; live(); turn++) {
          const rows = await listOps.caseworker[0](u, ops, turn);
          await think(u);
          if (!live()) break;
          // Open the oldest own case still to recommend, else one from the list.
          const mine = pending.get(u.n)!;
          const pick =
            mine[0] ??
            (rows?.body as { id: number }[] | undefined)?.[Math.floor(u.rnd() * (rows?.body?.length ?? 0))]?.id;
          let recommended = false;
          if (pick !== undefined) {
            const own = mine[0] === pick;
            const d = await open(
              u,
              ops,
              'caseworker:open',
              pick,
              own ? ['submitted', 'verifying', 'community_review'] : undefined,
            );
            await think(u);
            if (!live()) break;
            if (d && own) {
              if (d.stage === 'community_review' && d.allowedActions.includes('approve')) {
                mine.shift();
                if (await decide(u, ops, 'caseworker:approve', pick, homeVisit(d))) {
                  done.recommended++;
                  expected.set(pick, 'street_review');
                  enqueue(reviewerOf(pick, u.streetId!), pick, Date.now() + NOTICE_S * 1000);
                }
                recommended = true;
              } else if (!['submitted', 'verifying'].includes(d.stage) || d.blocked) mine.shift(); // counted as an error of the open
              // else: still being verified, the first to look at next time
            }
          }
          if (recommended) {
            await think(u);
            continue;
          }
          await ops.time(
            'caseworker:create',
            guarded('caseworker:create', async () => {
              const body = applicationBody(u);
              const a = await post(u, '/api/applications', body);
              if (a.status === 201) {
                mine.push(a.body.id);
                expected.set(a.body.id, 'community_review');
                done.submitted++;
              }
              return expect('caseworker:create', 'POST', '/api/applications', a, 201, body);
            }),
          );
          await think(u);
        }
      },
      street_reviewer: (u, live, ops) => reviewLoop(u, live, ops, 'reviewer', 'street_review', 'district_approval'),
      district_approver: (u, live, ops) => reviewLoop(u, live, ops, 'approver', 'district_approval', 'enrolled'),
      async supervisor(u, live, ops) {
        for (let turn = u.slot; live(); turn++) {
          if (turn % 3 === 0) {
            await ops.time(
              'supervisor:dashboard',
              guarded('supervisor:dashboard', async () =>
                expect('supervisor:dashboard', 'GET', '/api/dashboard', await call(u, 'GET', '/api/dashboard'), 200),
              ),
            );
          } else await listOps.supervisor[(turn % 3) - 1](u, ops, turn);
          await think(u);
        }
      },
      async finance(u, live, ops) {
        for (let turn = u.slot; live(); turn++) {
          if (turn % 3 === 0) await listOps.finance[0](u, ops, turn);
          else if (turn % 3 === 1) {
            const rows = await listOps.finance[1](u, ops, turn);
            runId =
              (rows?.body as { id: number; period: string }[] | undefined)?.find((r) => r.period === period)?.id ??
              runId;
          } else if (runId !== undefined) {
            let allowed: string[] = [];
            const path = `/api/disbursement-runs/${runId}`;
            await ops.time(
              'finance:run',
              guarded('finance:run', async () => {
                const a = await call(u, 'GET', path);
                allowed = a.body?.allowedActions ?? [];
                return expect('finance:run', 'GET', path, a, 200);
              }),
            );
            // The first finance user signs the run off once its page offers it.
            if (u.slot === 0 && allowed.includes('approve') && !done.runApproved) {
              await think(u);
              await ops.time(
                'finance:approve',
                guarded('finance:approve', async () => {
                  const a = await post(u, `${path}/approve`, { reason: '' });
                  if (a.status === 200) done.runApproved = true;
                  return expect('finance:approve', 'POST', `${path}/approve`, a, 200, { reason: '' });
                }),
              );
            }
          }
          await think(u);
        }
      },
    };
    async function reviewLoop(u: VUser, live: () => boolean, ops: OpLog, name: string, stage: string, next: string) {
      for (let turn = 0; live(); turn++) {
        const rows = await listOps[u.role][0](u, ops, turn);
        await think(u);
        if (!live()) break;
        const c = takeReady(u);
        const id =
          c?.id ?? (rows?.body as { id: number }[] | undefined)?.[Math.floor(u.rnd() * (rows?.body?.length ?? 0))]?.id;
        if (!c) done.idleReviews++;
        if (id === undefined) continue;
        const d = await open(
          u,
          ops,
          `${name}:open`,
          id,
          c ? (stage === 'street_review' ? ['public_notice', stage] : [stage]) : undefined,
        );
        await think(u);
        if (!c || !d || !live()) {
          if (c && !d) enqueue(u, c.id); // the open failed (counted); keep the case
          if (c && d && !live()) enqueue(u, c.id);
          continue;
        }
        if (d.stage === 'public_notice') {
          enqueue(u, c.id, Date.now() + 1000); // the notice has a moment to run yet
          continue;
        }
        if (d.stage !== stage || !d.allowedActions.includes('approve')) {
          if (d.stage === stage)
            problem(
              `${name}:open`,
              `own case at ${d.stage} without approve (actions ${d.allowedActions.join(',')})`,
              `GET /api/applications/${id}`,
            );
          continue;
        }
        if (await decide(u, ops, `${name}:approve`, id, { decision: 'approve', comment: '同意' })) {
          expected.set(id, next);
          if (stage === 'street_review') {
            done.streetApproved++;
            enqueue(approverOf(id), id);
          } else done.districtApproved++;
        }
        await think(u);
      }
    }
    const floorSession = async (u: VUser, live: () => boolean, ops: OpLog) => {
      const lists = listOps[u.role];
      for (let turn = u.slot; live(); turn++) {
        await lists[turn % lists.length](u, ops, Math.floor(turn / lists.length));
        await think(u);
      }
    };

    // ---- warm-up: one pass of every user's lists, not measured
    await runFor({
      clients: people.length,
      ms: 3000,
      session: (c, live) => floorSession(people[c], live, new OpLog()),
    });

    // ---- the working day
    const approvalsBefore = Number(
      (
        await db('decisions')
          .where({ decision: 'approve' })
          .whereIn(
            'actor_id',
            people.map((p) => p.id),
          )
          .count()
      )[0].count,
    );
    const financeUser = byRole('finance')[0];
    const runStartAfter = Math.min(5000, (seconds * 1000) / 6);
    let runStartedAt = 0;
    const runStart = sleep(runStartAfter).then(async () => {
      runStartedAt = Date.now();
      await startDisbursementRun(temporal, env, period, financeUser.id);
      log(
        `${(runStartAfter / 1000).toFixed(1)} s in: started the ${period} run for ${params.households} households in the background`,
      );
    });
    // Diagnostics: transactions open for more than 5 s while the mix runs (what they wait on).
    const longTransactions = new Map<string, string>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const { rows } = await db
          .raw(
            `SELECT pid, state, wait_event_type, wait_event, round(extract(epoch FROM now() - xact_start))::int AS xact_s, left(query, 160) AS query
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < now() - interval '5 seconds'`,
          )
          .catch(() => ({ rows: [] }));
        for (const r of rows)
          longTransactions.set(
            `${r.pid}`,
            `pid ${r.pid} ${r.state} ${r.xact_s} s${r.wait_event ? ` waiting on ${r.wait_event_type}/${r.wait_event}` : ''}: ${r.query}`,
          );
        await sleep(1000);
      }
    })();
    const mixOps = new OpLog();
    const progress = setInterval(() => {
      const { latencies, errors } = mixOps.all();
      log(`… ${latencies.length} requests, ${errors} errors`);
    }, 10_000);
    const measured = await runFor({
      clients: people.length,
      ms: seconds * 1000,
      session: (c, live) => mix[people[c].role](people[c], live, mixOps),
    });
    clearInterval(progress);
    await runStart;
    const runAtEnd = await db('disbursement_runs').where({ period }).first('id', 'phase', 'pages_done', 'pages_total');
    log(
      `mix done in ${(measured.elapsedMs / 1000).toFixed(1)} s; the run is at ${runAtEnd?.phase ?? 'not opened'} (${runAtEnd?.pages_done ?? 0}/${runAtEnd?.pages_total ?? '?'} pages)`,
    );

    // ---- settle: notices ended, verifications done, the run at rest (signed off and paid, or waiting)
    t = performance.now();
    const moving = ['verifying', 'public_notice', 'submitted'];
    const resting = ['awaiting_signoff', 'completed', 'resolving', 'stopped', 'rejected'];
    let lastLog = performance.now();
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(500)) {
      const inFlight = Number(
        (
          await db('applications')
            .whereIn('id', [...expected.keys()])
            .whereIn('stage', moving)
            .count()
        )[0].count,
      );
      const run = await db('disbursement_runs').where({ period }).first('phase');
      if (!inFlight && run && resting.includes(run.phase)) break;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `… settling: ${inFlight} cases still being verified or on notice, the run at ${run?.phase ?? 'not opened'}`,
        );
        // What Temporal says those cases wait for.
        const ids: number[] = await db('applications')
          .whereIn('id', [...expected.keys()])
          .whereIn('stage', moving)
          .limit(3)
          .pluck('id');
        for (const id of ids) {
          const d = await temporal.workflow
            .getHandle(`benefit-${id}`)
            .describe()
            .catch(() => undefined);
          const pend = d?.raw.pendingActivities?.map(
            (a) =>
              `${a.activityType?.name} state ${a.state} attempt ${a.attempt} on ${a.lastWorkerIdentity || '-'} since ${a.lastStartedTime ? new Date(Number(a.lastStartedTime.seconds) * 1000).toISOString() : '-'}`,
          );
          log(`    case ${id}: ${d?.status.name ?? '?'}, pending activities: ${pend?.join('; ') || 'none'}`);
        }
      }
    }
    const settle_s = round2((performance.now() - t) / 1000);
    watching = false;
    await watcher;
    for (const x of longTransactions.values()) log(`long transaction: ${x}`);
    log(`settled in ${settle_s} s`);

    // Activities that failed on the way (the worker raises an alert for each failure it will retry),
    // and where the time of the slowest steps went, from their workflows' histories.
    const alerts: {
      workflow_id: string;
      activity_type: string | null;
      attempts: number | null;
      last_error: string | null;
    }[] = await db('workflow_alerts').select('workflow_id', 'activity_type', 'attempts', 'last_error');
    const alertKinds = new Map<string, number>();
    for (const a of alerts)
      alertKinds.set(
        `${a.activity_type}: ${(a.last_error ?? '').slice(0, 160)}`,
        (alertKinds.get(`${a.activity_type}: ${(a.last_error ?? '').slice(0, 160)}`) ?? 0) + 1,
      );
    for (const [what, n] of alertKinds) log(`activity failures: ${n} × ${what}`);
    for (const x of slow.slice(0, 5)) {
      log(
        `slow ${x.op} of case ${x.id} (${(x.ms / 1000).toFixed(1)} s): ${await activityProfile(temporal, `benefit-${x.id}`).catch((e: Error) => e.message)}`,
      );
      log(`  retried attempts: ${await retriedAttempts(temporal, `benefit-${x.id}`).catch((e: Error) => e.message)}`);
      const rows: { seq: number; to_stage: string; at: Date }[] = await db('decisions')
        .where({ application_id: x.id })
        .orderBy('seq')
        .select('seq', 'to_stage', 'at');
      log(
        `  its transitions, seconds after the request: ${rows.map((r) => `${r.seq} ${r.to_stage} ${((r.at.getTime() - x.at) / 1000).toFixed(1)}`).join(', ')}`,
      );
    }

    // Every case a user touched stands where its last step put it, each approval made one transition.
    const stages = new Map<number, string>(
      (
        await db('applications')
          .whereIn('id', [...expected.keys()])
          .select('id', 'stage')
      ).map((r: { id: number; stage: string }) => [r.id, r.stage]),
    );
    const misplaced = [...expected].filter(([id, stage]) => stages.get(id) !== stage);
    if (misplaced.length)
      log(
        `misplaced cases (id expected→actual): ${misplaced
          .slice(0, 10)
          .map(([id, s]) => `${id} ${s}→${stages.get(id)}`)
          .join(', ')}`,
      );
    const approvalsAfter = Number(
      (
        await db('decisions')
          .where({ decision: 'approve' })
          .whereIn(
            'actor_id',
            people.map((p) => p.id),
          )
          .count()
      )[0].count,
    );
    const approvalsMade = done.recommended + done.streetApproved + done.districtApproved;

    // What the background run did, from the audit rows each phase change commits with.
    const runRow = await db('disbursement_runs').where({ period }).first('id', 'phase', 'lines', 'total_fen');
    const timeline = runRow
      ? await db('audit_events')
          .where({ entity_type: 'disbursement_run', entity_id: String(runRow.id) })
          .orderBy('id')
          .select('action', 'at')
      : [];
    const at = (action: string) => {
      const e = timeline.find((x: { action: string }) => x.action === action);
      return e ? round2((e.at.getTime() - runStartedAt) / 1000) : null;
    };
    const paid = runRow
      ? Number((await db('payments').where({ run_id: runRow.id, status: 'paid' }).count())[0].count)
      : 0;
    const backgroundRun = {
      period,
      households: params.households,
      expectedLines: bulk.expectedLines,
      startedAfter_s: runStartAfter / 1000,
      phaseAtEndOfMix: runAtEnd?.phase ?? null,
      pagesAtEndOfMix: runAtEnd ? `${runAtEnd.pages_done}/${runAtEnd.pages_total}` : null,
      built_s: at('disbursement.awaiting_signoff'),
      signedOffInMix: done.runApproved,
      completed_s: at('disbursement.completed'),
      finalPhase: runRow?.phase ?? null,
      lines: runRow?.lines ?? 0,
      paid,
    };
    log(
      `run: ${timeline.map((e: { action: string; at: Date }) => `${e.action.replace('disbursement.', '')} ${((e.at.getTime() - runStartedAt) / 1000).toFixed(1)}`).join(', ')}`,
    );

    // ---- the floor: the same users, their lists only, nothing else going on
    const floorOps = new OpLog();
    const floor = await runFor({
      clients: people.length,
      ms: seconds * 1000,
      session: (c, live) => floorSession(people[c], live, floorOps),
    });

    // ---- figures
    // Throughput: requests started in the window over the window (a step still running when it
    // closes must not stretch it); latencies: every request, the last ones included.
    const figures = (
      o: { latencies: number[]; starts: number[]; errors: number },
      window: { started: number; end: number },
    ) => ({
      ...summarise(o.latencies, 1000, o.errors),
      ops_per_s: round2(o.starts.filter((s) => s < window.end).length / ((window.end - window.started) / 1000)),
    });
    const metrics = figures(mixOps.all(), measured);
    const { errors: floorErrors, ...baseline } = figures(floorOps.all(), floor);
    const perOp = (ops: OpLog, window: { started: number; end: number }) =>
      Object.fromEntries(
        [...ops.ops.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, o]) => [name, { n: o.latencies.length, ...figures(o, window) }]),
      );
    const operations = perOp(mixOps, measured);
    const floorOperations = perOp(floorOps, floor);
    console.log(
      `\n${'operation'.padEnd(22)}${'n'.padStart(7)}${'per_s'.padStart(8)}${'p50_ms'.padStart(9)}${'p95_ms'.padStart(9)}${'p99_ms'.padStart(9)}${'errors'.padStart(7)}  │${'floor n'.padStart(8)}${'p50_ms'.padStart(9)}${'p95_ms'.padStart(9)}${'p99_ms'.padStart(9)}`,
    );
    for (const name of [...new Set([...Object.keys(operations), ...Object.keys(floorOperations)])].sort()) {
      const o = operations[name];
      const b = floorOperations[name];
      const cells = (x: typeof o | undefined, keys: (keyof typeof o)[], widths: number[]) =>
        keys.map((k, i) => (x ? String(x[k]) : '').padStart(widths[i])).join('');
      console.log(
        `${name.padEnd(22)}${cells(o, ['n', 'ops_per_s', 'p50_ms', 'p95_ms', 'p99_ms', 'errors'], [7, 8, 9, 9, 9, 7])}  │${cells(b, ['n', 'p50_ms', 'p95_ms', 'p99_ms'], [8, 9, 9, 9])}`,
      );
    }
    const work = {
      ...done,
      retriedConflicts: retries,
      resentAfterClose: resent.length,
      mix_wall_s: round2(measured.elapsedMs / 1000),
      settle_s,
      slowSteps: slow.length,
      activityFailures: alerts.length,
      poolCases: pool.length,
      approvalsRecorded: approvalsAfter - approvalsBefore,
      casesChecked: expected.size,
      misplaced: misplaced.length,
    };
    console.log(`\nwork: ${JSON.stringify(work)}`);
    console.log(`background run: ${JSON.stringify(backgroundRun)}`);
    for (const r of resent) console.log(`resent after the server closed the connection: ${r}`);
    if (problems.size) {
      console.log('errors:');
      for (const [what, p] of problems) console.log(`  ${p.count} × ${what}\n      e.g. ${p.example}`);
    }

    const result: BenchResult & Record<string, unknown> = {
      bench: 'load',
      params,
      metrics,
      baseline,
      ratios: { p99_ms: round2(metrics.p99_ms / baseline.p99_ms) },
      invariants: {
        no_errors: metrics.errors === 0 && floorErrors === 0 && problems.size === 0,
        stages_as_expected: misplaced.length === 0,
        one_transition_per_approval: approvalsAfter - approvalsBefore === approvalsMade,
        run_built: backgroundRun.built_s !== null,
      },
      operations,
      floor_operations: floorOperations,
      work,
      background_run: backgroundRun,
    };
    return result;
  } finally {
    for (const step of cleanup.reverse())
      await step().catch((e: Error) => console.error(`[load] cleanup: ${e.message}`));
  }
}
