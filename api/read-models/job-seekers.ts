import type { Knex } from 'knex';
import type { z } from 'zod';
import { jobSeekerFilters, type jobSeekerDetailSchema } from '../../contract/job-seekers.js';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import { ageOn } from '../../domain/id-number.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import { whereSeekerMatches } from './referrals.js';

// Laid-off and unemployed people referred to the communities, each with her latest referral,
// scoped to the reader's area by her community.

type Row = DbRow;
export type JobSeekerDetail = z.infer<typeof jobSeekerDetailSchema>;

const toApi = (r: Row) => ({
  id: r.id,
  name: r.name,
  idNumberMasked: r.id_number_masked,
  age: ageOn(String(r.birth_date), shanghaiDate(new Date())),
  communityId: r.community_id,
  communityName: r.community_name,
  streetName: r.street_name,
  education: r.education,
  skills: r.skills,
  referralId: r.referral_id,
  stage: r.stage,
});

export const jobSeekerListSpec: ListSpec<Row> = {
  resource: 'job-seekers',
  idColumn: 'js.id',
  sortable: { id: 'js.id', name: 'js.name', communityName: 'c.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    communityId: filter(jobSeekerFilters.communityId, (qb, v) => qb.where('js.community_id', v)),
    streetId: filter(jobSeekerFilters.streetId, (qb, v) => qb.where('js.street_id', v)),
    stage: filter(jobSeekerFilters.stage, (qb, v) => qb.where('lr.stage', v)),
    q: filter(jobSeekerFilters.q, (qb, v) => whereSeekerMatches(qb, v)),
  },
  toApi,
};

/** The job seekers the user may see, each with her latest referral (`lr`). */
export function jobSeekerListQuery(db: Knex, user: AuthUser) {
  const base = db('job_seekers as js')
    .join('org_units as c', 'c.id', 'js.community_id')
    .join('org_units as s', 's.id', 'js.street_id')
    .leftJoin(
      db.raw(
        'LATERAL (SELECT id AS referral_id, stage FROM referrals r WHERE r.seeker_id = js.id ORDER BY r.id DESC LIMIT 1) lr ON true',
      ),
    )
    .select('js.*', 'c.name as community_name', 's.name as street_name', 'lr.referral_id', 'lr.stage');
  return scopeToUser(db, base, user, 'js.community_id');
}

export async function jobSeekerDetail(db: Knex, user: AuthUser, id: number): Promise<JobSeekerDetail> {
  const row = await jobSeekerListQuery(db, user).where('js.id', id).first();
  if (!row) throw new NotFoundError('求职者不存在或不在您的辖区 (no such job seeker in your area)');
  const referrals = await db('referrals')
    .where({ seeker_id: row.id })
    .orderBy('id', 'desc')
    .select('id', 'stage', 'created_at');
  return {
    ...toApi(row),
    referrals: referrals.map((r) => ({ id: r.id, stage: r.stage, createdAt: r.created_at.toISOString() })),
  };
}
