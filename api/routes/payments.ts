import { Router } from 'express';
import { z } from 'zod';
import { isPeriod, paymentKinds, paymentStatuses } from '../../domain/disbursement.js';
import { NotFoundError } from '../../domain/errors.js';
import { paymentSchema } from '../../contract/payments.js';
import { encryptPii } from '../../db/pii.js';
import { carryUpdate, reissueUpdate } from '../../workflows/disbursement-messages.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import type { AuthUser } from '../http/types.js';
import { bankAccountRevealBody, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';
import { scopeToUser } from '../scope.js';

// Payment lines, scoped like everything else: a caseworker sees her community's lines.

interface PaymentRow {
  id: string;
  run_id: number;
  period: string;
  enrollment_id: number;
  household_id: number;
  community_id: number;
  community_name: string;
  street_id: number;
  street_name: string;
  kind: string;
  amount_fen: string;
  standard_fen: string;
  floor_per_person_fen: string;
  total_income_fen: string;
  members: number;
  account_enc: string | null;
  account_masked: string;
  account_name: string;
  status: string;
  failure_reason: string | null;
  reissue_of: string | null;
  arrears_of: string | null;
  bank_file_seq: number | null;
  workflow_id: string;
  created_at: Date;
  updated_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));
const toApi = (r: PaymentRow) => ({
  id: Number(r.id),
  runId: r.run_id,
  period: r.period,
  enrollmentId: r.enrollment_id,
  householdId: r.household_id,
  name: r.account_name,
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  kind: r.kind,
  amountFen: Number(r.amount_fen),
  standardFen: Number(r.standard_fen),
  floorPerPersonFen: Number(r.floor_per_person_fen),
  totalIncomeFen: Number(r.total_income_fen),
  members: r.members,
  accountMasked: r.account_masked,
  status: r.status,
  failureReason: r.failure_reason,
  reissueOf: num(r.reissue_of),
  arrearsOf: num(r.arrears_of),
  bankFileSeq: r.bank_file_seq,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const spec: ListSpec<PaymentRow> = {
  resource: 'payments',
  idColumn: 'p.id',
  sortable: { id: 'p.id', amountFen: 'p.amount_fen', period: 'p.period', status: 'p.status', name: 'p.account_name' },
  defaultSort: ['id', 'ASC'],
  filters: {
    // A real month (2026-13 is refused, not answered with an empty page).
    period: filter(z.string().refine(isPeriod, '期间格式 YYYY-MM (period YYYY-MM)'), (qb, v) =>
      qb.where('p.period', v),
    ),
    runId: filter(z.coerce.number().int(), (qb, v) => qb.where('p.run_id', v)),
    status: filter(z.union([z.enum(paymentStatuses), z.array(z.enum(paymentStatuses))]), (qb, v) =>
      qb.whereIn('p.status', ([] as string[]).concat(v)),
    ),
    kind: filter(z.enum(paymentKinds), (qb, v) => qb.where('p.kind', v)),
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('p.street_id', v)),
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('p.community_id', v)),
    enrollmentId: filter(z.coerce.number().int(), (qb, v) => qb.where('p.enrollment_id', v)),
    q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('p.account_name', containing(v))),
  },
  toApi,
};

export function paymentRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('payments as p')
      .join('org_units as c', 'c.id', 'p.community_id')
      .join('org_units as s', 's.id', 'p.street_id')
      .join('disbursement_runs as r', 'r.id', 'p.run_id')
      .select('p.*', 'c.name as community_name', 's.name as street_name', 'r.workflow_id');
  const find = async (user: AuthUser, id: number): Promise<PaymentRow> => {
    const row = await scopeToUser(db, base().where('p.id', id), user, 'p.community_id').first();
    if (!row) throw new NotFoundError('发放明细不存在或不在您的辖区 (no such payment in your area)');
    return row;
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/payments',
      tag: 'disbursement',
      summary:
        'Payment lines in your area (filters: period, runId, status, kind, streetId, communityId, enrollmentId, q)',
      query: listQuery,
      list: true,
      response: z.array(paymentSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 'p.community_id'), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/payments/:id',
      tag: 'disbursement',
      summary: 'One payment line and how its amount was derived',
      response: paymentSchema,
    },
    async ({ user, params }) => toApi(await find(user, idParam(params.id))),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/reissue',
      tag: 'disbursement',
      summary: 'Re-issue a failed line to a corrected account, inside the same run (finance)',

      body: z.object({
        account: z
          .string()
          .trim()
          .regex(/^\d{12,30}$/, '银行账号应为12–30位数字 (12–30 digits)'),
        accountName: z.string().trim().min(1).max(50).optional(),
      }),
      response: paymentSchema,
    },
    async ({ user, params, body }) => {
      const p = await find(user, idParam(params.id));
      // Sealed before it leaves the API: the Update's arguments stay in the workflow's history.
      await updateCase(p.workflow_id, reissueUpdate, {
        actor: actorOf(user),
        paymentId: Number(p.id),
        accountSealed: encryptPii(body.account),
        accountName: body.accountName,
      });
      return toApi(await find(user, Number(p.id)));
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/reveal',
      tag: 'disbursement',
      summary: 'Show the line’s unmasked bank account (finance); audited as pii.reveal',
      body: bankAccountRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const p = await find(user, idParam(params.id));
      if (!p.account_enc) throw new NotFoundError('该明细没有银行账号 (this line has no bank account)');
      return sendRevealed(
        { db, req, res, user },
        { entityType: 'payment', entityId: Number(p.id), orgUnitId: p.community_id, field: body.field },
        p.account_enc,
      );
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/carry',
      tag: 'disbursement',
      summary: "Carry a failed line to next month's run as arrears (finance)",
      body: z.object({}).passthrough(),
      response: paymentSchema,
    },
    async ({ user, params }) => {
      const p = await find(user, idParam(params.id));
      await updateCase(p.workflow_id, carryUpdate, { actor: actorOf(user), paymentId: Number(p.id) });
      return toApi(await find(user, Number(p.id)));
    },
  );
  return router;
}
