import type { Knex } from 'knex';
import type { z } from 'zod';
import { referralFilters, type referralDetailSchema } from '../../contract/referrals.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { ageOn } from '../../domain/id-number.js';
import { allowedReferralActions, referralStagesWaitingOn } from '../../domain/referral-actions.js';
import { closedReferralStages, type ReferralStage } from '../../domain/referral-stages.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import { whereNameOrIdNumber } from './members.js';
import { referralParts } from './referral-parts.js';

// The referral as lists and pages read it: the projection the workflow keeps, joined with the
// seeker, the enterprise, the helper and the org units, scoped to the reader's area. What it
// answers is contract/referrals.ts.

export interface ReferralRow {
  id: number;
  seeker_id: number;
  seeker_name: string;
  id_number_masked: string;
  birth_date: string;
  community_id: number;
  community_name: string;
  street_id: number;
  street_name: string;
  enterprise_id: number;
  enterprise_name: string;
  batch_id: number | null;
  stage: ReferralStage;
  stage_since: Date;
  deadline_at: Date | null;
  overdue: boolean;
  helper_id: number | null;
  helper_name: string | null;
  workflow_id: string;
  created_at: Date;
  assessment: unknown;
  proposed_opening_id: number | null;
  matched_at: Date | null;
  closed_reason: string | null;
}

export type ReferralDetail = z.infer<typeof referralDetailSchema>;

const today = () => shanghaiDate(new Date());

export const toApi = (r: ReferralRow) => ({
  id: r.id,
  seekerId: r.seeker_id,
  seekerName: r.seeker_name,
  idNumberMasked: r.id_number_masked,
  age: ageOn(String(r.birth_date), today()),
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  batchId: r.batch_id,
  stage: r.stage,
  stageSince: r.stage_since.toISOString(),
  deadlineAt: r.deadline_at?.toISOString() ?? null,
  overdue: r.overdue,
  helperId: r.helper_id,
  helperName: r.helper_name,
  workflowId: r.workflow_id,
  createdAt: r.created_at.toISOString(),
});

/** `q`: the seeker's name, or her ID number (whole, or its last digits). */
export const whereSeekerMatches = (qb: Knex.QueryBuilder, q: string) => whereNameOrIdNumber(qb, 'js', 'js.name', q);

export function referralListSpec(user: AuthUser): ListSpec<ReferralRow> {
  return {
    resource: 'referrals',
    idColumn: 'r.id',
    sortable: {
      id: 'r.id',
      createdAt: 'r.created_at',
      stage: 'r.stage',
      stageSince: 'r.stage_since',
      deadlineAt: 'r.deadline_at',
      seekerName: 'js.name',
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      stage: filter(referralFilters.stage, (qb, v) => qb.whereIn('r.stage', ([] as string[]).concat(v))),
      communityId: filter(referralFilters.communityId, (qb, v) => qb.where('r.community_id', v)),
      streetId: filter(referralFilters.streetId, (qb, v) => qb.where('r.street_id', v)),
      enterpriseId: filter(referralFilters.enterpriseId, (qb, v) => qb.where('r.enterprise_id', v)),
      batchId: filter(referralFilters.batchId, (qb, v) => qb.where('r.batch_id', v)),
      overdue: filter(referralFilters.overdue, (qb, v) => qb.where('r.overdue', v)),
      myQueue: filter(referralFilters.myQueue, (qb, v) => {
        if (!v) return;
        if (user.role === 'supervisor') qb.where('r.overdue', true);
        else qb.whereIn('r.stage', referralStagesWaitingOn(user.role));
      }),
      q: filter(referralFilters.q, (qb, v) => whereSeekerMatches(qb, v)),
    },
    toApi,
  };
}

export function referralBaseQuery(db: Knex) {
  return db('referrals as r')
    .join('job_seekers as js', 'js.id', 'r.seeker_id')
    .join('enterprises as e', 'e.id', 'r.enterprise_id')
    .join('org_units as c', 'c.id', 'r.community_id')
    .join('org_units as s', 's.id', 'r.street_id')
    .leftJoin('helpers as h', 'h.id', 'r.helper_id')
    .select(
      'r.*',
      'js.name as seeker_name',
      'js.id_number_masked',
      'js.birth_date',
      'e.name as enterprise_name',
      'c.name as community_name',
      's.name as street_name',
      'h.name as helper_name',
    );
}

/** The referrals the user may see. */
export const referralListQuery = (db: Knex, user: AuthUser) =>
  scopeToUser(db, referralBaseQuery(db), user, 'r.community_id');

export async function findReferral(db: Knex, user: AuthUser, id: number): Promise<ReferralRow> {
  const row = await scopeToUser(db, referralBaseQuery(db).where('r.id', id), user, 'r.community_id').first();
  if (!row) throw new NotFoundError('推荐记录不存在或不在您的辖区 (no such referral in your area)');
  return row;
}

/** A referral a step may still be taken on: a closed one's workflow has ended, so say so plainly instead of Temporal's "not found". */
export async function findOpenReferral(db: Knex, user: AuthUser, id: number): Promise<ReferralRow> {
  const row = await findReferral(db, user, id);
  if (closedReferralStages.includes(row.stage))
    throw new ConflictError(`推荐已结束（${row.stage}），不能再操作 (referral is closed: ${row.stage})`);
  return row;
}

export async function referralDetail(db: Knex, user: AuthUser, idOrRow: number | ReferralRow): Promise<ReferralDetail> {
  const row = typeof idOrRow === 'number' ? await findReferral(db, user, idOrRow) : idOrRow;
  const [seeker, helper, parts] = await Promise.all([
    db('job_seekers').where({ id: row.seeker_id }).first(),
    row.helper_id ? db('helpers').where({ id: row.helper_id }).first('id', 'name', 'phone') : null,
    referralParts(db, row),
  ]);
  const openFollowUps = parts.followUps.filter((f) => f.status === 'open').length;
  return {
    ...toApi(row),
    seeker: {
      id: seeker.id,
      name: seeker.name,
      idNumberMasked: seeker.id_number_masked,
      age: ageOn(String(seeker.birth_date), today()),
      phone: seeker.phone,
      education: seeker.education,
      skills: seeker.skills,
      experience: seeker.experience,
      maxHoursPerWeek: seeker.max_hours_per_week,
      noPhysicalWork: seeker.no_physical_work,
      expectedWageFen: seeker.expected_wage_fen === null ? null : Number(seeker.expected_wage_fen),
      constraintsNote: seeker.constraints_note,
    },
    assessment: (row.assessment as ReferralDetail['assessment']) ?? null,
    helper: helper ?? null,
    matchedAt: row.matched_at?.toISOString() ?? null,
    ...parts,
    closedReason: row.closed_reason,
    allowedActions: allowedReferralActions({ stage: row.stage, openFollowUps }, user.role),
  };
}
