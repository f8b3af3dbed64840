import type { Knex } from 'knex';
import { paymentFilters as f } from '../../contract/payments.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Payment lines, scoped like everything else: a caseworker sees her community's lines.

export interface PaymentRow {
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
  note: string | null;
  reissue_of: string | null;
  arrears_of: string | null;
  bank_file_seq: number | null;
  workflow_id: string;
  created_at: Date;
  updated_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));
export const paymentToApi = (r: PaymentRow) => ({
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
  note: r.note,
  reissueOf: num(r.reissue_of),
  arrearsOf: num(r.arrears_of),
  bankFileSeq: r.bank_file_seq,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const paymentListSpec: ListSpec<PaymentRow> = {
  resource: 'payments',
  idColumn: 'p.id',
  sortable: { id: 'p.id', amountFen: 'p.amount_fen', period: 'p.period', status: 'p.status', name: 'p.account_name' },
  defaultSort: ['id', 'ASC'],
  filters: {
    period: filter(f.period, (qb, v) => qb.where('p.period', v)),
    runId: filter(f.runId, (qb, v) => qb.where('p.run_id', v)),
    status: filter(f.status, (qb, v) => qb.whereIn('p.status', ([] as string[]).concat(v))),
    kind: filter(f.kind, (qb, v) => qb.where('p.kind', v)),
    streetId: filter(f.streetId, (qb, v) => qb.where('p.street_id', v)),
    communityId: filter(f.communityId, (qb, v) => qb.where('p.community_id', v)),
    enrollmentId: filter(f.enrollmentId, (qb, v) => qb.where('p.enrollment_id', v)),
    q: filter(f.q, (qb, v) => qb.whereILike('p.account_name', containing(v))),
  },
  toApi: paymentToApi,
};

function paymentBaseQuery(db: Knex): Knex.QueryBuilder {
  return db('payments as p')
    .join('org_units as c', 'c.id', 'p.community_id')
    .join('org_units as s', 's.id', 'p.street_id')
    .join('disbursement_runs as r', 'r.id', 'p.run_id')
    .select('p.*', 'c.name as community_name', 's.name as street_name', 'r.workflow_id');
}

/** The list's rows: the payment lines in the reader's area. */
export const paymentsInArea = (db: Knex, user: AuthUser): Knex.QueryBuilder =>
  scopeToUser(db, paymentBaseQuery(db), user, 'p.community_id');

export async function findPayment(db: Knex, user: AuthUser, id: number): Promise<PaymentRow> {
  const row = await scopeToUser(db, paymentBaseQuery(db).where('p.id', id), user, 'p.community_id').first();
  if (!row) throw new NotFoundError('发放明细不存在或不在您的辖区 (no such payment in your area)');
  return row;
}

export async function paymentDetail(db: Knex, user: AuthUser, id: number) {
  return paymentToApi(await findPayment(db, user, id));
}

/** What a reveal on a line needs: its sealed account (a line may have none) and its community for the audit event. */
export async function paymentAccount(
  db: Knex,
  user: AuthUser,
  id: number,
): Promise<{ id: number; communityId: number; accountSealed: string }> {
  const p = await findPayment(db, user, id);
  if (!p.account_enc) throw new NotFoundError('该明细没有银行账号 (this line has no bank account)');
  return { id: Number(p.id), communityId: p.community_id, accountSealed: p.account_enc };
}
