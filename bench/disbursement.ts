import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { startDisbursementRun } from '../api/temporal/disbursements.js';
import { loadEnv } from '../config/env.js';
import { decryptPii } from '../db/pii.js';
import { disbursementWorkflowId, periodAt } from '../domain/disbursement.js';
import { provisionTemporalCli } from '../scripts/temporal-cli.js';
import { startDevServer } from '../scripts/temporal-dev-server.js';
import { freePort, sleep } from '../scripts/processes.js';
import { runStateQuery, signoffUpdate } from '../workflows/disbursement-messages.js';
import { activityDeps } from '../worker/activity-deps.js';
import { bundleWorkflows, createShequWorker } from '../worker/create-worker.js';
import { benchDatabase } from './database.js';
import { measureFloor } from './disbursement-floor.js';
import { runInvariants } from './disbursement-invariants.js';
import { seedBulkEnrollments } from './disbursement-seed.js';
import { activityProfile } from './history-profile.js';
import { round2, type BenchResult } from './report.js';

// `npm run bench -- disbursement [--households=100000]`: a month's run for N enrolled
// households through a real Temporal dev server and worker (simulated bank at zero latency,
// sign-off sent the moment the run asks for it), against the floor of the same lines, totals
// and bank file made by PostgreSQL alone in the same run. build_s: start to totals written;
// reconcile_s: start to every line paid and the run completed.

const TERMINAL = ['completed', 'rejected', 'stopped', 'resolving'];

export async function disbursementBench(args: { households?: number }): Promise<BenchResult> {
  const households = args.households ?? 100_000;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const log = (s: string) => console.log(`[disbursement] ${s}`);
  const { db, url, stop } = await benchDatabase('disbursement');
  const period = periodAt(new Date());
  const env = loadEnv({
    DATABASE_URL: url,
    SHEQU_BANK_LATENCY_MS: '0',
    SHEQU_BANK_FAILURE_RATE: '0',
    SHEQU_BANK_POLL_MS: '50',
    // The run's own tuning (SHEQU_DISBURSEMENT_PAGE_SIZE, …_PARALLEL_PAGES) comes from the environment.
    ...Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k.startsWith('SHEQU_DISBURSEMENT_')) as [string, string][],
    ),
  });
  const params = {
    households,
    period,
    pageSize: env.SHEQU_DISBURSEMENT_PAGE_SIZE,
    parallelPages: env.SHEQU_DISBURSEMENT_PARALLEL_PAGES,
  };

  let t = performance.now();
  const seed = await seedBulkEnrollments(db, { households, period });
  await db.raw('ANALYZE');
  log(
    `seeded ${households} households (${seed.expectedLines} due a line) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const floor = await measureFloor(db, url, period);
  await db.raw('VACUUM ANALYZE payments, run_totals, disbursement_runs');
  log(
    `floor: ${floor.lines} lines and totals in ${floor.build_s.toFixed(2)} s, bank file ${(floor.bankFile.length / 1e6).toFixed(1)} MB in ${floor.bank_file_s.toFixed(2)} s`,
  );

  const cli = await provisionTemporalCli(() => undefined);
  const server = await startDevServer({ cliPath: cli.path, port: await freePort(), namespace: 'default' }, 90_000);
  const connection = await Connection.connect({ address: server.address });
  const temporal = new Client({ connection });
  const native = await NativeConnection.connect({ address: server.address });
  const worker = await createShequWorker({
    connection: native,
    namespace: 'default',
    taskQueue: env.SHEQU_PAYMENTS_TASK_QUEUE,
    deps: activityDeps(db, env),
    workflowBundle: await bundleWorkflows(),
  });
  const workerRun = worker.run();

  try {
    const finance = await db('users').where({ username: 'finance1' }).first('id');
    const started = Date.now();
    t = performance.now();
    await startDisbursementRun(temporal, env, period, finance.id);
    const handle = temporal.workflow.getHandle(disbursementWorkflowId(period, env.SHEQU_WORKFLOW_ID_PREFIX));
    // Sign off the moment the run waits for it; stop watching at an end or at something to resolve.
    let phase = 'building';
    let signed = false;
    let lastLog = 0;
    // A stuck run (an activity failing over and over) ends the bench with its invariants violated, not a hang.
    const deadline = Date.now() + 120_000 + households * 2;
    while (!TERMINAL.includes(phase) && Date.now() < deadline) {
      const run = await db('disbursement_runs').where({ period }).first('id', 'phase', 'pages_done', 'pages_total');
      phase = run?.phase ?? 'building';
      // The row flips a moment before the workflow has taken in its phase: ask the run itself.
      if (phase === 'awaiting_signoff' && !signed && (await handle.query(runStateQuery)).phase === 'awaiting_signoff') {
        signed = true;
        await handle.executeUpdate(signoffUpdate, {
          args: [
            {
              actor: { id: finance.id, username: 'finance1', role: 'finance', orgPath: '/1/' },
              approve: true,
              reason: '',
            },
          ],
        });
      }
      if (performance.now() - lastLog > 5000 && run) {
        lastLog = performance.now();
        log(`${((performance.now() - t) / 1000).toFixed(1)} s: ${phase} ${run.pages_done}/${run.pages_total} pages`);
      }
      await sleep(20);
    }
    // Exact times from the audit rows each phase change commits with (same clock, same machine).
    const runRow = await db('disbursement_runs').where({ period }).first();
    if (!runRow)
      throw new Error(`the ${period} run never opened (is the worker polling ${env.SHEQU_PAYMENTS_TASK_QUEUE}?)`);
    const at = async (action: string) => {
      const row = await db('audit_events')
        .where({ entity_type: 'disbursement_run', entity_id: String(runRow.id), action })
        .orderBy('id')
        .first('at');
      return row ? (row.at.getTime() - started) / 1000 : NaN;
    };
    const timeline = await db('audit_events')
      .where({ entity_type: 'disbursement_run', entity_id: String(runRow.id) })
      .orderBy('id')
      .select('action', 'at');
    log(
      `timeline: ${timeline.map((e) => `${e.action.replace('disbursement.', '')} ${((e.at.getTime() - started) / 1000).toFixed(2)}`).join(', ')}`,
    );
    log(`activities: ${await activityProfile(temporal, handle.workflowId)}`);
    const build_s = await at('disbursement.checking');
    const reconcile_s = phase === 'completed' ? await at('disbursement.completed') : NaN;
    const inv = await runInvariants(db, period);
    const checkOk = Boolean(runRow.check_report?.ok);
    // The same file as the floor's, line ids aside (each numbers its own lines) and in any order.
    const realFile = await db('bank_files').where({ run_id: runRow.id, seq: 1 }).first('content_enc');
    const sameBankFile =
      realFile !== undefined && sameLines(decryptPii(realFile.content_enc), floor.bankFile.toString('utf8'));
    const paid = Number((await db('payments').where({ run_id: runRow.id, status: 'paid' }).count())[0].count);
    log(
      `run: ${phase}, ${inv.lines} lines (expected ${inv.expectedLines}), built and totalled in ${build_s.toFixed(2)} s, reconciled in ${reconcile_s.toFixed(2)} s`,
    );
    return {
      bench: 'disbursement',
      params,
      metrics: {
        build_s: round2(build_s),
        reconcile_s: round2(reconcile_s),
        lines: inv.lines,
        lines_per_s: Math.round(inv.lines / build_s),
      },
      baseline: {
        build_s: round2(floor.build_s),
        reconcile_s: round2(floor.reconcile_s),
        lines: floor.lines,
        lines_per_s: Math.round(floor.lines / floor.build_s),
      },
      ratios: { build: round2(build_s / floor.build_s), reconcile: round2(reconcile_s / floor.reconcile_s) },
      invariants: {
        one_line_per_enrollment: inv.one_line_per_enrollment && inv.lines === seed.expectedLines,
        sum_matches:
          inv.sum_matches &&
          inv.fen === seed.expectedFen &&
          floor.totalFen === seed.expectedFen &&
          Number(runRow.total_fen) === seed.expectedFen,
        nothing_else: inv.nothing_else,
        check_report_ok: checkOk,
        all_paid: phase === 'completed' && paid === inv.lines,
        same_bank_file: sameBankFile,
      },
    };
  } finally {
    worker.shutdown();
    await workerRun;
    await native.close();
    await connection.close();
    await server.stop();
    await stop();
  }
}

/** Bank file bodies equal as sets of lines without their first field (the line id), whatever the line ends. */
function sameLines(a: string, b: string): boolean {
  const body = (csv: string) =>
    csv
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.slice(l.indexOf(',') + 1))
      .sort();
  const x = body(a);
  const y = body(b);
  return x.length === y.length && x.every((l, i) => l === y[i]);
}
