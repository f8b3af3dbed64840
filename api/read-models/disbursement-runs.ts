import type { Knex } from 'knex';
import { runFilters as f } from '../../contract/disbursement-runs.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';

// Monthly runs as the list and a run's page read them. District roles only: a run spans every
// street, so nothing here is scoped.

export interface RunRow {
  id: number;
  period: string;
  cutoff_date: string;
  workflow_id: string;
  phase: string;
  trigger: string;
  pages_total: number;
  pages_done: number;
  lines: number;
  total_fen: string;
  lines_paid: number;
  lines_failed: number;
  signoff_deadline_at: Date | null;
  overdue: boolean;
  approved_by_name: string | null;
  approved_at: Date | null;
  rejected_reason: string | null;
  started_at: Date;
  phase_since: Date;
  completed_at: Date | null;
  check_report: unknown;
  report: unknown;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toApi = (r: RunRow) => ({
  id: r.id,
  period: r.period,
  cutoffDate: String(r.cutoff_date),
  workflowId: r.workflow_id,
  phase: r.phase,
  trigger: r.trigger,
  pagesTotal: r.pages_total,
  pagesDone: r.pages_done,
  progress: r.pages_total ? Math.min(1, r.pages_done / r.pages_total) : r.phase === 'building' ? 0 : 1,
  lines: r.lines,
  totalFen: Number(r.total_fen),
  linesPaid: r.lines_paid,
  linesFailed: r.lines_failed,
  signoffDeadlineAt: iso(r.signoff_deadline_at),
  overdue: r.overdue,
  approvedBy: r.approved_by_name,
  approvedAt: iso(r.approved_at),
  rejectedReason: r.rejected_reason,
  startedAt: r.started_at.toISOString(),
  phaseSince: r.phase_since.toISOString(),
  completedAt: iso(r.completed_at),
});

export const runListSpec: ListSpec<RunRow> = {
  resource: 'disbursement-runs',
  idColumn: 'r.id',
  sortable: { id: 'r.id', period: 'r.period', startedAt: 'r.started_at', totalFen: 'r.total_fen' },
  defaultSort: ['period', 'DESC'],
  filters: {
    phase: filter(f.phase, (qb, v) => qb.whereIn('r.phase', ([] as string[]).concat(v))),
    overdue: filter(f.overdue, (qb, v) => qb.where('r.overdue', v)),
  },
  toApi,
};

export const runActions = (r: { phase: string }, user: AuthUser) => {
  const out: string[] = [];
  if (user.role === 'finance' && r.phase === 'awaiting_signoff') out.push('approve', 'reject');
  if (user.role === 'finance' && r.phase === 'resolving') out.push('close');
  if (user.role === 'supervisor' && r.phase === 'stopped') out.push('recheck');
  if (
    (user.role === 'finance' || user.role === 'supervisor') &&
    !['building', 'totals', 'checking', 'stopped', 'awaiting_signoff', 'rejected'].includes(r.phase)
  )
    out.push('download');
  return out;
};

/** The list's rows: every run, with who signed it off. */
export const runsQuery = (db: Knex): Knex.QueryBuilder =>
  db('disbursement_runs as r')
    .leftJoin('users as u', 'u.id', 'r.approved_by')
    .select('r.*', 'u.display_name as approved_by_name');

export async function findRun(db: Knex, id: number): Promise<RunRow> {
  const row = await runsQuery(db).where('r.id', id).first();
  if (!row) throw new NotFoundError('发放批次不存在 (no such run)');
  return row;
}

export async function runDetail(db: Knex, user: AuthUser, id: number) {
  const r = await findRun(db, id);
  const [byStreet, byCommunity, files] = await Promise.all([
    db('run_totals as t')
      .join('org_units as s', 's.id', 't.street_id')
      .where('t.run_id', id)
      .groupBy('t.street_id', 's.name')
      .orderBy('t.street_id')
      .select(
        't.street_id',
        's.name',
        db.raw('sum(t.lines)::int AS lines'),
        db.raw('sum(t.amount_fen)::bigint AS fen'),
      ),
    db('run_totals as t')
      .join('org_units as c', 'c.id', 't.community_id')
      .where('t.run_id', id)
      .orderBy('t.community_id')
      .select('t.*', 'c.name'),
    db('bank_files')
      .where({ run_id: id })
      .orderBy('seq')
      .select('seq', 'lines', 'total_fen', 'sha256', 'batch_id', 'created_at'),
  ]);
  return {
    ...toApi(r),
    totalsByStreet: byStreet.map((s) => ({
      streetId: s.street_id,
      streetName: s.name,
      lines: s.lines,
      amountFen: Number(s.fen),
    })),
    totalsByCommunity: byCommunity.map((c) => ({
      communityId: c.community_id,
      communityName: c.name,
      streetId: c.street_id,
      lines: c.lines,
      amountFen: Number(c.amount_fen),
    })),
    checkReport: r.check_report ?? null,
    report: r.report ?? null,
    bankFiles: files.map((file) => ({
      seq: file.seq,
      lines: file.lines,
      totalFen: Number(file.total_fen),
      sha256: file.sha256,
      batchId: file.batch_id,
      createdAt: file.created_at.toISOString(),
    })),
    allowedActions: runActions(r, user),
  };
}

/** A run just started: its first activity writes its row, so it is given a moment (10 s) to appear. */
export async function startedRunDetail(db: Knex, user: AuthUser, period: string): ReturnType<typeof runDetail> {
  for (let i = 0; i < 100; i++) {
    const row = await db('disbursement_runs').where({ period }).first('id');
    if (row) return runDetail(db, user, row.id);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new ConflictError('发放批次已启动，请稍后刷新 (run started; refresh in a moment)');
}
