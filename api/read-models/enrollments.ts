import type { Knex } from 'knex';
import type { z } from 'zod';
import { allowedBenefitActions, stagesWaitingOn } from '../../domain/benefit-actions.js';
import type { BenefitStage } from '../../domain/benefit-stages.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import {
  enrollmentFilters as f,
  type enrollmentDetailSchema,
  type enrollmentSchema,
} from '../../contract/enrollments.js';
import { timelineOf } from './decisions.js';
import { membersOf, whereNameOrIdDigits } from './members.js';

export interface EnrollmentRow {
  id: number;
  application_id: number;
  household_id: number;
  head_name: string;
  community_id: number;
  community_name: string;
  street_id: number;
  street_name: string;
  category: string;
  amount_fen: string;
  members: number;
  status: string;
  effective_from: string;
  effective_to: string | null;
  next_recheck_at: Date | null;
  recheck_due: boolean;
  stage: BenefitStage;
  overdue: boolean;
  deadline_at: Date | null;
  workflow_id: string;
}

// Its response shapes: contract/enrollments.ts.
export type EnrollmentDetail = z.infer<typeof enrollmentDetailSchema>;

const toApi = (r: EnrollmentRow) => ({
  id: r.id,
  applicationId: r.application_id,
  householdId: r.household_id,
  headName: r.head_name,
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  category: r.category,
  amountFen: Number(r.amount_fen),
  members: r.members,
  status: r.status,
  effectiveFrom: String(r.effective_from),
  effectiveTo: r.effective_to === null ? null : String(r.effective_to),
  nextRecheckAt: r.next_recheck_at?.toISOString() ?? null,
  recheckDue: r.recheck_due,
  stage: r.stage,
  overdue: r.overdue,
  deadlineAt: r.deadline_at?.toISOString() ?? null,
});

export function enrollmentListSpec(user: AuthUser): ListSpec<EnrollmentRow> {
  return {
    resource: 'enrollments',
    idColumn: 'e.id',
    sortable: {
      id: 'e.id',
      amountFen: 'e.amount_fen',
      nextRecheckAt: 'e.next_recheck_at',
      effectiveFrom: 'e.effective_from',
      headName: 'h.head_name',
      communityName: 'c.name',
      members: 'e.members',
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      status: filter(f.status, (qb, v) => qb.whereIn('e.status', ([] as string[]).concat(v))),
      category: filter(f.category, (qb, v) => qb.where('e.category', v)),
      communityId: filter(f.communityId, (qb, v) => qb.where('e.community_id', v)),
      streetId: filter(f.streetId, (qb, v) => qb.where('e.street_id', v)),
      recheckDue: filter(f.recheckDue, (qb, v) => qb.where('e.recheck_due', v)),
      overdue: filter(f.overdue, (qb, v) => qb.where('a.overdue', v)),
      myQueue: filter(f.myQueue, (qb, v) => {
        if (v)
          qb.whereIn(
            'a.stage',
            stagesWaitingOn(user.role).filter((s) => s === 'recheck_due'),
          );
      }),
      q: filter(f.q, (qb, v) => whereNameOrIdDigits(qb, 'e.household_id', 'h.head_name', v)),
    },
    toApi,
  };
}

export function enrollmentBaseQuery(db: Knex) {
  return db('enrollments as e')
    .join('applications as a', 'a.id', 'e.application_id')
    .join('households as h', 'h.id', 'e.household_id')
    .join('org_units as c', 'c.id', 'e.community_id')
    .join('org_units as s', 's.id', 'e.street_id')
    .select(
      'e.*',
      'h.head_name',
      'c.name as community_name',
      's.name as street_name',
      'a.stage',
      'a.overdue',
      'a.deadline_at',
      'a.workflow_id',
    );
}

/** The list's rows: the enrollments in the reader's area. */
export const enrollmentsInArea = (db: Knex, user: AuthUser): Knex.QueryBuilder =>
  scopeToUser(db, enrollmentBaseQuery(db), user, 'e.community_id');

export async function findEnrollment(db: Knex, user: AuthUser, id: number): Promise<EnrollmentRow> {
  const row = await scopeToUser(db, enrollmentBaseQuery(db).where('e.id', id), user, 'e.community_id').first();
  if (!row) throw new NotFoundError('保障记录不存在或不在您的辖区 (no such enrollment in your area)');
  return row;
}

export async function enrollmentDetail(db: Knex, user: AuthUser, id: number): Promise<EnrollmentDetail> {
  const row = await findEnrollment(db, user, id);
  const [householdMembers, terms, decisions] = await Promise.all([
    membersOf(db, row.household_id),
    db('enrollment_terms').where({ enrollment_id: row.id }).orderBy('effective_from', 'desc'),
    timelineOf(db, row.application_id),
  ]);
  return {
    ...(toApi(row) as z.infer<typeof enrollmentSchema>),
    householdMembers,
    terms: terms.map((t) => ({
      effectiveFrom: String(t.effective_from),
      status: t.status,
      amountFen: Number(t.amount_fen),
      members: t.members,
      totalIncomeFen: Number(t.total_income_fen),
      calculation: t.calculation,
      reason: t.reason,
      note: t.note ?? null,
      createdAt: t.created_at.toISOString(),
    })),
    decisions,
    allowedActions: allowedBenefitActions({ stage: row.stage, blocked: false }, user.role),
  };
}
