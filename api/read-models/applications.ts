import type { Knex } from 'knex';
import type { z } from 'zod';
import { allowedBenefitActions, stagesWaitingOn } from '../../domain/benefit-actions.js';
import type { BenefitStage, HouseholdCategory } from '../../domain/benefit-stages.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import { applicationFilters as f, type applicationDetailSchema } from '../../contract/applications.js';
import { timelineOf } from './decisions.js';
import { membersOf, whereNameOrIdDigits } from './members.js';

// The application as lists and pages read it: the projection the workflow keeps, joined with
// the household and the org units, scoped to the reader's area.

export interface ApplicationRow {
  id: number;
  household_id: number;
  community_id: number;
  street_id: number;
  stage: BenefitStage;
  workflow_id: string;
  stage_since: Date;
  deadline_at: Date | null;
  overdue: boolean;
  created_at: Date;
  head_name: string;
  address: string;
  category: HouseholdCategory;
  community_name: string;
  street_name: string;
  member_count: string;
  proposed_amount_fen: string | null;
  blocked: boolean;
  objection_count: number;
  calculation: unknown;
  duplicates: unknown;
  duplicate_override: unknown;
  home_visit: unknown;
  income_review: unknown;
  gradual_exit: unknown;
  closed_reason: string | null;
}

// Its response shapes: contract/applications.ts.
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const toApi = (r: ApplicationRow) => ({
  id: r.id,
  householdId: r.household_id,
  headName: r.head_name,
  address: r.address,
  category: r.category,
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  memberCount: Number(r.member_count),
  stage: r.stage,
  stageSince: r.stage_since.toISOString(),
  deadlineAt: r.deadline_at?.toISOString() ?? null,
  overdue: r.overdue,
  workflowId: r.workflow_id,
  createdAt: r.created_at.toISOString(),
  proposedAmountFen: r.proposed_amount_fen === null ? null : Number(r.proposed_amount_fen),
  blocked: r.blocked,
  objectionCount: r.objection_count,
});

export function applicationListSpec(user: AuthUser): ListSpec<ApplicationRow> {
  return {
    resource: 'applications',
    idColumn: 'a.id',
    sortable: {
      id: 'a.id',
      createdAt: 'a.created_at',
      stage: 'a.stage',
      stageSince: 'a.stage_since',
      headName: 'h.head_name',
      deadlineAt: 'a.deadline_at',
      proposedAmountFen: 'a.proposed_amount_fen',
      communityName: 'c.name',
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      stage: filter(f.stage, (qb, v) => qb.whereIn('a.stage', ([] as string[]).concat(v))),
      communityId: filter(f.communityId, (qb, v) => qb.where('a.community_id', v)),
      streetId: filter(f.streetId, (qb, v) => qb.where('a.street_id', v)),
      overdue: filter(f.overdue, (qb, v) => qb.where('a.overdue', v)),
      blocked: filter(f.blocked, (qb, v) =>
        v
          ? qb.where('a.stage', 'verifying').whereNotNull('a.duplicates')
          : qb.where((w) => w.whereNot('a.stage', 'verifying').orWhereNull('a.duplicates')),
      ),
      // Cases waiting on my role (scoping already keeps them to my area); supervisors wait on blocked cases.
      myQueue: filter(f.myQueue, (qb, v) => {
        if (!v) return;
        if (user.role === 'supervisor')
          qb.where((w) =>
            w.where('a.overdue', true).orWhere((b) => b.where('a.stage', 'verifying').whereNotNull('a.duplicates')),
          );
        else qb.whereIn('a.stage', stagesWaitingOn(user.role));
      }),
      q: filter(f.q, (qb, v) => whereNameOrIdDigits(qb, 'a.household_id', 'h.head_name', v)),
    },
    toApi,
  };
}

export function applicationBaseQuery(db: Knex) {
  return db('applications as a')
    .join('households as h', 'h.id', 'a.household_id')
    .join('org_units as c', 'c.id', 'a.community_id')
    .join('org_units as s', 's.id', 'a.street_id')
    .select(
      'a.*',
      'h.head_name',
      'h.address',
      'h.category',
      'c.name as community_name',
      's.name as street_name',
      db.raw(`(a.stage = 'verifying' AND a.duplicates IS NOT NULL) AS blocked`),
      db.raw(
        '(SELECT count(*) FROM household_members m WHERE m.household_id = a.household_id AND NOT m.left_household) AS member_count',
      ),
    );
}

/** The list's rows: the applications in the reader's area. */
export const applicationsInArea = (db: Knex, user: AuthUser): Knex.QueryBuilder =>
  scopeToUser(db, applicationBaseQuery(db), user, 'a.community_id');

export async function findApplication(db: Knex, user: AuthUser, id: number): Promise<ApplicationRow> {
  const row = await scopeToUser(db, applicationBaseQuery(db).where('a.id', id), user, 'a.community_id').first();
  if (!row) throw new NotFoundError('申请不存在或不在您的辖区 (no such application in your area)');
  return row;
}

/** The home visit with the visitor's name: the workflow keeps usernames, people read names. */
async function withVisitorName(
  db: Knex,
  visit: Omit<NonNullable<ApplicationDetail['homeVisit']>, 'byName'> | null,
): Promise<ApplicationDetail['homeVisit']> {
  if (!visit) return null;
  const u = await db('users').where({ username: visit.by }).first('display_name');
  return { ...visit, byName: u?.display_name ?? null };
}

export async function applicationDetail(
  db: Knex,
  user: AuthUser,
  idOrRow: number | ApplicationRow,
): Promise<ApplicationDetail> {
  const row = typeof idOrRow === 'number' ? await findApplication(db, user, idOrRow) : idOrRow;
  const [members, decisions, enrollment] = await Promise.all([
    membersOf(db, row.household_id),
    timelineOf(db, row.id),
    db('enrollments').where({ application_id: row.id }).first('id'),
  ]);
  return {
    ...toApi(row),
    members,
    calculation: (row.calculation as ApplicationDetail['calculation']) ?? null,
    duplicates: (row.duplicates as ApplicationDetail['duplicates']) ?? null,
    duplicateOverride: (row.duplicate_override as ApplicationDetail['duplicateOverride']) ?? null,
    homeVisit: await withVisitorName(
      db,
      row.home_visit as Omit<NonNullable<ApplicationDetail['homeVisit']>, 'byName'> | null,
    ),
    closedReason: row.closed_reason,
    incomeReview:
      row.stage === 'income_review' ? ((row.income_review as ApplicationDetail['incomeReview']) ?? null) : null,
    gradualExit: row.stage === 'gradual_exit' ? ((row.gradual_exit as ApplicationDetail['gradualExit']) ?? null) : null,
    decisions,
    enrollmentId: enrollment?.id ?? null,
    allowedActions: allowedBenefitActions({ stage: row.stage, blocked: row.blocked }, user.role),
  };
}

/** What a reveal on an application needs: its household, and its community for the audit event. */
export async function applicationHousehold(
  db: Knex,
  user: AuthUser,
  id: number,
): Promise<{ id: number; household_id: number; community_id: number }> {
  const app = await scopeToUser(db, db('applications as a').where('a.id', id), user, 'a.community_id').first(
    'a.id',
    'a.household_id',
    'a.community_id',
  );
  if (!app) throw new NotFoundError('申请不存在或不在您的辖区 (no such application in your area)');
  return app;
}
