import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { runInvariants, type RunInvariants } from '../../bench/disbursement-invariants.js';
import { runStateQuery, signoffUpdate } from '../../workflows/disbursement-messages.js';
import { recordFaultRow } from './fault-clients.js';
import { waitFor } from './stack.js';

// Watching a month's run from outside while something breaks: its row in the DB is the
// progress a supervisor sees, and the one place that keeps telling the truth while Temporal or
// the worker is down.

export interface RunRow {
  id: number;
  phase: string;
  pages_done: number;
  pages_total: number;
  check_report: { ok: boolean } | null;
}

export const runRow = (db: Knex, period: string): Promise<RunRow | undefined> =>
  db('disbursement_runs').where({ period }).first('id', 'phase', 'pages_done', 'pages_total', 'check_report');

/** Waits until the build is `share` done, so a fault lands mid-build. */
export const buildReached = (db: Knex, period: string, share: number) =>
  waitFor(`${period} build at ${share * 100}%`, async () => {
    const r = await runRow(db, period);
    if (r && r.phase !== 'building')
      throw new Error(`${period} left building (${r.phase}) before the fault: make the build longer`);
    return r && r.pages_total > 0 && r.pages_done >= r.pages_total * share ? r : undefined;
  });

/** The run's own view of its progress (a prefix of pages; the DB's pages_done may run ahead of a stalled wave). */
export async function workflowProgress(
  temporal: Client,
  workflowId: string,
): Promise<{ pagesDone: number; phase: string }> {
  const s = await temporal.workflow.getHandle(workflowId).query(runStateQuery);
  return { pagesDone: s.pagesDone, phase: s.phase };
}

/** Seconds from `since` until the run itself has moved past `before` (queried; retried while nobody answers). */
export async function secondsToProgress(
  temporal: Client,
  workflowId: string,
  before: { pagesDone: number; phase: string },
  since: number,
  timeoutMs = 180_000,
): Promise<number> {
  await waitFor(
    `${workflowId} progressing again`,
    async () => {
      const now = await workflowProgress(temporal, workflowId).catch(() => undefined);
      return now && (now.pagesDone > before.pagesDone || now.phase !== before.phase);
    },
    timeoutMs,
  );
  return (Date.now() - since) / 1000;
}

/** Signs the run off as finance when it asks, then waits for it to complete; returns the invariants. */
export async function finishRun(
  db: Knex,
  temporal: Client,
  period: string,
  workflowId: string,
  timeoutMs = 240_000,
): Promise<RunInvariants & { checkOk: boolean; phase: string; paid: number }> {
  // Asked of the run itself: its row says awaiting_signoff a moment before the workflow has
  // taken in that its phase activity finished, and an Update in that moment is refused.
  await waitFor(
    `${period} awaiting sign-off`,
    async () => (await workflowProgress(temporal, workflowId).catch(() => undefined))?.phase === 'awaiting_signoff',
    timeoutMs,
  );
  const finance = await db('users').where({ username: 'finance1' }).first('id');
  await temporal.workflow.getHandle(workflowId).executeUpdate(signoffUpdate, {
    args: [
      { actor: { id: finance.id, username: 'finance1', role: 'finance', orgPath: '/1/' }, approve: true, reason: '' },
    ],
  });
  const done = await waitFor(
    `${period} completed`,
    async () => {
      const r = await runRow(db, period);
      return r?.phase === 'completed' ? r : undefined;
    },
    timeoutMs,
  );
  const paid = Number((await db('payments').where({ run_id: done.id, status: 'paid' }).count())[0].count);
  return { ...(await runInvariants(db, period)), checkOk: Boolean(done.check_report?.ok), phase: done.phase, paid };
}

export function report(scenario: string, inv: RunInvariants, recoverS: number | null, faultAt: number): void {
  recordFaultRow({
    scenario: `disbursement: ${scenario}`,
    attempted: inv.expectedLines,
    completed: inv.lines - inv.duplicates,
    lost: inv.missing,
    duplicated: inv.duplicates,
    recoverS,
  });
  console.log(
    `[fault] ${scenario}: lines expected ${inv.expectedLines}, lines built ${inv.lines}, duplicates ${inv.duplicates}, missing ${inv.missing}, ` +
      `time to recover ${recoverS === null ? 'n/a' : `${recoverS.toFixed(1)} s`}, completed ${((Date.now() - faultAt) / 1000).toFixed(1)} s after the fault`,
  );
}
