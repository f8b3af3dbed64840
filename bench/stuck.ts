import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { stuckBase, stuckListSpec } from '../api/read-models/stuck-workflows.js';
import { volunteerKind } from '../api/temporal/volunteer-start.js';
import { loadEnv } from '../config/env.js';
import { maskIdNumber } from '../domain/id-number.js';
import { provisionTemporalCli } from '../scripts/temporal-cli.js';
import { devServerArgs, waitForTemporal } from '../scripts/temporal-dev-server.js';
import { freePort, sleep, stopChild } from '../scripts/processes.js';
import { caseAttributes } from '../workflows/search-attributes.js';
import { benchDatabase, loginToken } from './database.js';
import { runLoad } from './load.js';
import { PII_CHUNK, piiArrays } from './pii-columns.js';
import { ratiosOf, round2, summarise, type BenchResult } from './report.js';

// `npm run bench -- stuck [--open=100000 --requests=200 --concurrency=8 --lanes=64]`: the
// supervisors' stuck list (GET /api/workflows, first page and count, a describe() per row
// shown) among N open workflows, against the floor of the same SQL on the projection alone,
// straight to PostgreSQL. The N workflows are real volunteer workflows on a fresh Temporal dev
// server, started (with the attributes the API gives them) on a task queue no worker polls:
// each stays Running at the cost of one unclaimed workflow task. A known ~1% of them is made
// stuck (overdue in the projection, or an open alert), beside alerts that must not count (an
// activity on its 2nd attempt, a resolved alert, a second reason on an overdue case).
// Invariant: the list's total is the stuck count, and paging through it finds every induced
// workflow exactly once and nothing else.

const log = (s: string) => console.log(`[stuck] ${s}`);
const PAGE = 25;

/** A repeatable shuffle (mulberry32), so the stuck set is spread over communities and ids alike. */
function shuffled(n: number, seed = 20_260_101): number[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const xs = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/**
 * A dev server on a throw-away SQLite file, with the durability a benchmark does not need turned
 * off: with the default synchronous journal each start waits on fsync (~60 starts/s here), with
 * WAL and synchronous=off it runs as fast as the in-memory store.
 */
async function startBenchDevServer(dbFile: string) {
  const cli = await provisionTemporalCli(() => undefined);
  const port = await freePort();
  const args = [
    ...devServerArgs({ cliPath: cli.path, port, namespace: 'default', dbFile }),
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=off',
  ];
  const child = spawn(cli.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const address = `127.0.0.1:${port}`;
  try {
    await waitForTemporal(address, 'default', 90_000, () => child.exitCode === null && child.signalCode === null);
  } catch (err) {
    await stopChild(child, 2_000);
    throw new Error(`${(err as Error).message}\n--- temporal output ---\n${output.join('').slice(-4000)}`, {
      cause: err,
    });
  }
  return { address, stop: () => stopChild(child, 10_000) };
}

export async function stuckBench(args: {
  open?: number;
  requests?: number;
  concurrency?: number;
  lanes?: number;
}): Promise<BenchResult> {
  const params = {
    open: args.open ?? 100_000,
    requests: args.requests ?? 200,
    concurrency: args.concurrency ?? 8,
    startLanes: args.lanes ?? 64,
  };
  if (params.open < 200) throw new Error('--open must be at least 200 (1% overdue plus 70 alerts need room)');
  const overdueCount = Math.max(10, Math.round(params.open / 100));
  const alertCount = 50;
  const noise = 10; // of each kind that must not add a row

  const runTag = `bench-${Date.now().toString(36)}-`;
  const taskQueue = `${runTag}no-worker`;
  const { db, url, stop } = await benchDatabase('stuck');
  // Undone in reverse on the way out, whatever got started before a failure.
  const cleanup: (() => unknown)[] = [stop];
  try {
    const tempDir = mkdtempSync(join(tmpdir(), 'shequ-stuck-'));
    cleanup.push(() => rmSync(tempDir, { recursive: true, force: true }));
    const devServer = await startBenchDevServer(join(tempDir, 'temporal.sqlite'));
    cleanup.push(() => devServer.stop());
    const connection = await Connection.connect({ address: devServer.address });
    cleanup.push(() => connection.close());
    const temporal = new Client({ connection });
    const env = loadEnv({
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: devServer.address,
      SHEQU_WORKFLOW_ID_PREFIX: runTag,
      LOG_LEVEL: 'warn',
    });

    // 1. The projection: N active volunteers spread over the communities, in one statement.
    let t = performance.now();
    const creator = await db('users').where({ username: 'caseworker1' }).first('id');
    // ID numbers sealed in Node, a chunk of volunteers per statement.
    for (let lo = 1; lo <= params.open; lo += PII_CHUNK) {
      const size = Math.min(PII_CHUNK, params.open - lo + 1);
      const p = piiArrays(
        Array.from({ length: size }, (_, i) => `BENCH${String(lo + i).padStart(13, '0')}`),
        maskIdNumber,
      );
      await db.raw(
        `WITH c AS (SELECT c.id, c.parent_id, row_number() OVER (ORDER BY c.id) - 1 AS k, count(*) OVER () AS n
                      FROM org_units c WHERE c.kind = 'community' AND c.parent_id IS NOT NULL),
              g AS (SELECT nextval(pg_get_serial_sequence('volunteers', 'id')) AS id, ?::int - 1 + u.k::int AS g, u.enc, u.hash, u.masked
                      FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(enc, hash, masked, k))
         INSERT INTO volunteers (id, name, id_number_enc, id_number_hash, id_number_masked, birth_date, phone, community_id, street_id, stage, stage_since, workflow_id, workflow_started_at, created_by)
         SELECT g.id, '志愿者' || g.g, g.enc, g.hash, g.masked, date '1960-01-01' + (g.g % 15000), '', c.id, c.parent_id, 'active',
                now() - make_interval(mins => g.g % 100000), ? || 'volunteer-' || g.id, now(), ?
           FROM g JOIN c ON c.k = g.g % c.n`,
        [lo, p.enc, p.hash, p.masked, runTag, creator.id],
      );
    }
    const rows: { id: number; workflowId: string; stage: string; streetCode: string; communityCode: string }[] =
      await db('volunteers as v')
        .join('org_units as c', 'c.id', 'v.community_id')
        .join('org_units as s', 's.id', 'v.street_id')
        .where('v.workflow_id', 'like', `${runTag}%`)
        .orderBy('v.id')
        .select('v.id', 'v.workflow_id as workflowId', 'v.stage', 'c.code as communityCode', 's.code as streetCode');
    log(`${rows.length} volunteer rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // 2. The workflows: started as the API starts a volunteer's, on a queue nobody polls.
    let started = 0;
    let failed = 0;
    let next = 0;
    t = performance.now();
    let lastMark = t;
    await Promise.all(
      Array.from({ length: params.startLanes }, async () => {
        while (next < rows.length) {
          const r = rows[next++];
          for (let attempt = 1; ; attempt++) {
            try {
              await temporal.workflow.start(volunteerKind.workflowType, {
                workflowId: r.workflowId,
                taskQueue,
                args: volunteerKind.args(r.id, env),
                workflowIdConflictPolicy: 'USE_EXISTING',
                typedSearchAttributes: caseAttributes({
                  kind: volunteerKind.kind,
                  caseId: r.id,
                  stage: r.stage,
                  street: r.streetCode,
                  community: r.communityCode,
                }),
              });
              break;
            } catch (err) {
              if (attempt >= 5) {
                failed++;
                if (failed <= 3) log(`start ${r.workflowId} failed: ${(err as Error).message}`);
                break;
              }
              await sleep(200 * attempt);
            }
          }
          if (++started % 10_000 === 0) {
            const now = performance.now();
            log(
              `started ${started}/${rows.length}: ${Math.round((10_000 / (now - lastMark)) * 1000)}/s lately, ${Math.round((started / (now - t)) * 1000)}/s overall`,
            );
            lastMark = now;
          }
        }
      }),
    );
    const startS = (performance.now() - t) / 1000;
    log(
      `${rows.length - failed} workflows started (${failed} failed) in ${startS.toFixed(1)} s: ${Math.round((rows.length - failed) / startS)}/s`,
    );

    // 3. The stuck ones: overdue cases, alerts that count, and alerts that must not.
    const order = shuffled(rows.length);
    const take = (from: number, n: number) => order.slice(from, from + n).map((i) => rows[i]);
    const overdue = take(0, overdueCount);
    const alerted = take(overdueCount, alertCount);
    const tooEarly = take(overdueCount + alertCount, noise); // failing activity on its 2nd attempt
    const resolved = take(overdueCount + alertCount + noise, noise);
    const preExisting: string[] = await db('stuck_workflows').pluck('id');
    await db.raw(
      `UPDATE volunteers v SET overdue = true, deadline_at = now() - make_interval(mins => x.mins)
         FROM unnest(?::int[], ?::int[]) AS x(id, mins) WHERE v.id = x.id`,
      [overdue.map((r) => r.id), overdue.map((_, j) => 60 + ((j * 7919) % 20_000))],
    );
    const alert = (
      r: (typeof rows)[number],
      j: number,
      o: { reason: string; attempts?: number; resolved?: boolean },
    ) => ({
      workflow_id: r.workflowId,
      reason: o.reason,
      kind: 'volunteer',
      activity_id: o.reason === 'failing_activity' ? 'x' : '',
      activity_type: o.reason === 'failing_activity' ? 'checkSuitability' : null,
      attempts: o.attempts ?? null,
      last_error: o.reason === 'failing_activity' ? 'bench: registry unreachable' : null,
      detail: o.reason === 'drift' ? 'bench: projection stage differs from the workflow' : null,
      detected_at: db.raw(`now() - make_interval(mins => ?)`, [30 + ((j * 104_729) % 20_000)]),
      resolved_at: o.resolved ? db.fn.now() : null,
      resolution: o.resolved ? 'bench: resolved' : null,
    });
    await db('workflow_alerts').insert([
      ...alerted.map((r, j) => alert(r, j, j % 2 ? { reason: 'drift' } : { reason: 'failing_activity', attempts: 3 })),
      ...overdue.slice(0, noise).map((r, j) => alert(r, j, { reason: 'drift' })), // a second reason: still one row
      ...tooEarly.map((r, j) => alert(r, j, { reason: 'failing_activity', attempts: 2 })),
      ...resolved.map((r, j) => alert(r, j, { reason: 'failing_activity', attempts: 5, resolved: true })),
    ]);
    await db.raw('ANALYZE');
    const induced = [...overdue, ...alerted].map((r) => r.workflowId);
    const expected = new Set([...preExisting, ...induced]);
    log(
      `stuck: ${overdue.length} overdue + ${alerted.length} alerted${preExisting.length ? ` + ${preExisting.length} from the seed` : ''} = ${expected.size} expected`,
    );

    // Visibility catches up with the starts asynchronously.
    const query = `ExecutionStatus="Running" AND TaskQueue="${taskQueue}"`;
    let open = 0;
    const visibleBy = Date.now() + 120_000;
    while (Date.now() < visibleBy) {
      open = (await temporal.workflow.count(query)).count;
      if (open >= rows.length - failed) break;
      await sleep(1000);
    }
    log(`${open} running on ${taskQueue} (visibility count)`);

    // 4. The API in-process, against the real dev server.
    const { app } = createApp({ db, temporal, env, version: 'bench' });
    const api = app.listen(0, '127.0.0.1');
    cleanup.push(() => {
      api.closeAllConnections();
      api.close();
    });
    await new Promise((r) => api.once('listening', r));
    const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const token = await loginToken(base, 'supervisor1');
    const get = async (from: number, to: number) => {
      const q = `range=${encodeURIComponent(`[${from},${to}]`)}&sort=${encodeURIComponent('["since","ASC"]')}`;
      const r = await fetch(`${base}/api/workflows?${q}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await r.json()) as { id: string; status: string }[];
      return { ok: r.ok, total: Number(r.headers.get('content-range')?.split('/')[1]), rows: body };
    };
    const firstPage = Math.min(PAGE, expected.size);
    const list = async () => {
      const page = await get(0, PAGE - 1);
      return page.ok && page.total === expected.size && page.rows.length === firstPage;
    };

    // The floor: the API's two queries (count and first page, as sendList builds them from stuckBase), straight to PostgreSQL.
    const spec = stuckListSpec(env, temporal, 'supervisor');
    const floorQueries = () => {
      const b = stuckBase(db);
      return [
        b.clone().clearSelect().clearOrder().count<{ count: string }[]>({ count: '*' }),
        b.clone().orderBy(spec.sortable.since, 'asc').orderBy(spec.idColumn, 'asc').offset(0).limit(PAGE),
      ] as const;
    };
    const floor = async () => {
      const [countQuery, rowsQuery] = floorQueries();
      const [[{ count }], shown] = await Promise.all([countQuery, rowsQuery]);
      return Number(count) === expected.size && shown.length === firstPage;
    };

    // The floor is the same SQL as the API's: compare what one API request sends to PostgreSQL.
    const sent: string[] = [];
    const onQuery = (q: { sql: string }) => sent.push(q.sql);
    db.on('query', onQuery);
    await list();
    db.removeListener('query', onQuery);
    const floorSql = floorQueries().map((q) => q.toSQL().toNative().sql);
    const sameSql = floorSql.every((s) => sent.includes(s));
    log(
      `floor SQL is the API's: ${sameSql ? 'yes' : `NO\n  api:   ${sent.join('\n         ')}\n  floor: ${floorSql.join('\n         ')}`}`,
    );

    await runLoad({ total: Math.min(50, params.requests), concurrency: params.concurrency, request: list }); // warm-up
    await runLoad({ total: Math.min(50, params.requests), concurrency: params.concurrency, request: floor });
    const base1 = await runLoad({ total: params.requests, concurrency: params.concurrency, request: floor });
    const measured = await runLoad({ total: params.requests, concurrency: params.concurrency, request: list });
    // One supervisor alone: what a single page load costs, without the others' queueing.
    const alone = summarise((await runLoad({ total: 50, concurrency: 1, request: list })).latencies, 1, 0);
    const floorAlone = summarise((await runLoad({ total: 50, concurrency: 1, request: floor })).latencies, 1, 0);
    log(
      `one request at a time: list p50 ${alone.p50_ms} ms, p95 ${alone.p95_ms} ms; floor p50 ${floorAlone.p50_ms} ms`,
    );

    // 5. Every stuck workflow listed once, nothing else; the live state of each found in Temporal.
    const seen = new Map<string, number>();
    let total = NaN;
    let notRunning = 0;
    let pagesOk = true;
    for (let from = 0; ; from += 1000) {
      const page = await get(from, from + 999);
      pagesOk &&= page.ok;
      total = page.total;
      for (const r of page.rows) {
        seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
        if (r.status !== 'running') notRunning++;
      }
      if (!page.ok || page.rows.length < 1000) break;
    }
    const once = induced.every((id) => seen.get(id) === 1);
    const nothingElse = [...seen.keys()].every((id) => expected.has(id)) && seen.size === expected.size;
    log(
      `paged: ${seen.size} listed of ${total}; every induced once: ${once}; nothing else: ${nothingElse}; live status not running: ${notRunning}`,
    );

    const m = summarise(measured.latencies, measured.elapsedMs, measured.errors);
    const b = summarise(base1.latencies, base1.elapsedMs, base1.errors);
    return {
      bench: 'stuck',
      params: { ...params, overdue: overdue.length, alerted: alerted.length, taskQueue },
      metrics: {
        p50_ms: m.p50_ms,
        p95_ms: m.p95_ms,
        p99_ms: m.p99_ms,
        ops_per_s: m.ops_per_s,
        errors: m.errors,
        alone_p50_ms: alone.p50_ms,
        alone_p95_ms: alone.p95_ms,
        open,
        stuck_listed: total,
        start_s: round2(startS),
        starts_per_s: Math.round((rows.length - failed) / startS),
      },
      baseline: {
        p50_ms: b.p50_ms,
        p95_ms: b.p95_ms,
        p99_ms: b.p99_ms,
        ops_per_s: b.ops_per_s,
        errors: b.errors,
        alone_p50_ms: floorAlone.p50_ms,
        alone_p95_ms: floorAlone.p95_ms,
      },
      ratios: { p50_ms: round2(m.p50_ms / b.p50_ms), ...ratiosOf(m, b) },
      invariants: {
        all_stuck_found: pagesOk && total === expected.size && once && nothingElse,
        all_open: failed === 0 && open === rows.length,
        no_errors: m.errors === 0 && b.errors === 0,
        same_sql: sameSql,
      },
    };
  } finally {
    for (const undo of cleanup.reverse())
      await Promise.resolve()
        .then(undo)
        .catch((e: Error) => log(`cleanup: ${e.message}`));
  }
}
