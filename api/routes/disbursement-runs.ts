import { Router } from 'express';
import { z } from 'zod';
import { disbursementPhases, isPeriod } from '../../domain/disbursement.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { runDetailSchema, runSchema } from '../../contract/disbursement-runs.js';
import { writeAudit } from '../../db/audit.js';
import { decryptPii } from '../../db/pii.js';
import { closeRunUpdate, recheckRunUpdate, signoffUpdate } from '../../workflows/disbursement-messages.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { startDisbursementRun } from '../temporal/disbursements.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import type { AuthUser } from '../http/types.js';

// Monthly runs. District roles only: a run spans every street.

interface RunRow {
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

const spec: ListSpec<RunRow> = {
  resource: 'disbursement-runs',
  idColumn: 'r.id',
  sortable: { id: 'r.id', period: 'r.period', startedAt: 'r.started_at', totalFen: 'r.total_fen' },
  defaultSort: ['period', 'DESC'],
  filters: {
    phase: filter(z.union([z.enum(disbursementPhases), z.array(z.enum(disbursementPhases))]), (qb, v) =>
      qb.whereIn('r.phase', ([] as string[]).concat(v)),
    ),
    overdue: filter(z.boolean(), (qb, v) => qb.where('r.overdue', v)),
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

export function disbursementRunRoutes({ registry, db, temporal, env, updateCase }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('disbursement_runs as r')
      .leftJoin('users as u', 'u.id', 'r.approved_by')
      .select('r.*', 'u.display_name as approved_by_name');
  const find = async (id: number): Promise<RunRow> => {
    const row = await base().where('r.id', id).first();
    if (!row) throw new NotFoundError('发放批次不存在 (no such run)');
    return row;
  };
  const detail = async (id: number, user: AuthUser) => {
    const r = await find(id);
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
      bankFiles: files.map((f) => ({
        seq: f.seq,
        lines: f.lines,
        totalFen: Number(f.total_fen),
        sha256: f.sha256,
        batchId: f.batch_id,
        createdAt: f.created_at.toISOString(),
      })),
      allowedActions: runActions(r, user),
    };
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs',
      tag: 'disbursement',
      summary: 'Monthly disbursement runs with their phase and build progress',
      query: listQuery,
      list: true,
      response: z.array(runSchema),
    },
    async ({ res, query }) => sendList(res, spec, base(), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs/:id',
      tag: 'disbursement',
      summary: 'One run: totals per street and community, check report, bank files, what you may do',
      response: runDetailSchema,
    },
    async ({ params, user }) => detail(idParam(params.id), user),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/disbursement-runs',
      tag: 'disbursement',
      summary: "Start a period's run by hand; a period that has a run already returns that run (201 new, 200 existing)",
      body: z.object({ period: z.string().refine(isPeriod, '期间格式 YYYY-MM (period YYYY-MM)') }),
      response: runDetailSchema,
      status: 201,
    },
    async ({ body, user, res, req }) => {
      const outcome = await startDisbursementRun(temporal, env, body.period, user.id);
      await writeAudit(
        db,
        { user, requestId: req.requestId },
        {
          action: outcome === 'started' ? 'disbursement.start' : 'disbursement.start_existing',
          entityType: 'disbursement_run',
          entityId: body.period,
        },
      );
      if (outcome === 'existing') res.locals.status = 200;
      // The run's first activity writes its row; give it a moment.
      for (let i = 0; i < 100; i++) {
        const row = await db('disbursement_runs').where({ period: body.period }).first('id');
        if (row) return detail(row.id, user);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new ConflictError('发放批次已启动，请稍后刷新 (run started; refresh in a moment)');
    },
  );

  const act = (
    path: string,
    summary: string,
    body: z.ZodType,
    send: (workflowId: string, args: Record<string, unknown>) => Promise<unknown>,
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/disbursement-runs/:id/${path}`,
        tag: 'disbursement',
        summary,
        body,
        response: runDetailSchema,
      },
      async ({ params, user, body: b }) => {
        const r = await find(idParam(params.id));
        await send(r.workflow_id, { actor: actorOf(user), ...(b as object) });
        return detail(r.id, user);
      },
    );
  const reason = z.object({ reason: z.string().trim().max(500).default('') });
  act('approve', 'Finance signs the run off: the bank file is written and submitted', reason, (wf, a) =>
    updateCase(wf, signoffUpdate, { ...(a as object), approve: true } as never),
  );
  act(
    'reject',
    'Finance rejects the run with a reason; it stops and pays nothing',
    z.object({ reason: z.string().trim().min(1, '请填写原因 (reason required)').max(500) }),
    (wf, a) => updateCase(wf, signoffUpdate, { ...(a as object), approve: false } as never),
  );
  act('close', 'Carry every failed line still open to next month as arrears, and complete the run', reason, (wf, a) =>
    updateCase(wf, closeRunUpdate, a as never),
  );
  act(
    'recheck',
    'Run the invariant check again after a supervisor fixed its cause',
    z.object({ reason: z.string().trim().min(1, '请填写说明 (reason required)').max(500) }),
    (wf, a) => updateCase(wf, recheckRunUpdate, a as never),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs/:id/bank-file',
      tag: 'disbursement',
      summary: 'The bank file (CSV: line id, account, name, amount in yuan); ?seq=N for a re-issue file',
    },
    async ({ params, req, res, user }) => {
      const r = await find(idParam(params.id));
      const seq = Number((req.query as Record<string, string>).seq ?? 1);
      const file = await db('bank_files').where({ run_id: r.id, seq }).first();
      if (!file) throw new NotFoundError('银行文件尚未生成 (no bank file yet)');
      await writeAudit(
        db,
        { user, requestId: req.requestId },
        {
          action: 'disbursement.bank_file_download',
          entityType: 'disbursement_run',
          entityId: r.id,
          after: { seq, sha256: file.sha256 },
        },
      );
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="shequ-${r.period}-${seq}.csv"`);
      res.set('X-Checksum-Sha256', file.sha256);
      // Stored sealed; opened only here and for the bank.
      res.send(decryptPii(file.content_enc));
      return undefined;
    },
  );
  return router;
}
