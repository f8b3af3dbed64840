import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { ageOn } from '../../domain/id-number.js';
import { referralStages } from '../../domain/referral-stages.js';
import { jobSeekerDetailSchema, jobSeekerSchema } from '../../contract/job-seekers.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { idNumberRevealBody, personIdReveal, revealResponse } from '../read-models/pii-reveal.js';
import { whereSeekerMatches } from '../read-models/referrals.js';
import { scopeToUser } from '../scope.js';

// Laid-off and unemployed people referred to the communities, each with her latest referral.

type Row = DbRow;
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
const spec: ListSpec<Row> = {
  resource: 'job-seekers',
  idColumn: 'js.id',
  sortable: { id: 'js.id', name: 'js.name', communityName: 'c.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('js.community_id', v)),
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('js.street_id', v)),
    stage: filter(z.enum(referralStages), (qb, v) => qb.where('lr.stage', v)),
    q: filter(z.string().trim().max(50), (qb, v) => whereSeekerMatches(qb, v)),
  },
  toApi,
};

export function jobSeekerRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('job_seekers as js')
      .join('org_units as c', 'c.id', 'js.community_id')
      .join('org_units as s', 's.id', 'js.street_id')
      .leftJoin(
        db.raw(
          'LATERAL (SELECT id AS referral_id, stage FROM referrals r WHERE r.seeker_id = js.id ORDER BY r.id DESC LIMIT 1) lr ON true',
        ),
      )
      .select('js.*', 'c.name as community_name', 's.name as street_name', 'lr.referral_id', 'lr.stage');
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-seekers',
      tag: 'referrals',
      summary: 'Job seekers in your area, with their latest referral (filters: communityId, streetId, stage, q)',
      query: listQuery,
      list: true,
      response: z.array(jobSeekerSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 'js.community_id'), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-seekers/:id',
      tag: 'referrals',
      summary: 'One job seeker (ID number masked) and her referrals',
      response: jobSeekerDetailSchema,
    },
    async ({ user, params }) => {
      const row = await scopeToUser(db, base().where('js.id', idParam(params.id)), user, 'js.community_id').first();
      if (!row) throw new NotFoundError('求职者不存在或不在您的辖区 (no such job seeker in your area)');
      const referrals = await db('referrals')
        .where({ seeker_id: row.id })
        .orderBy('id', 'desc')
        .select('id', 'stage', 'created_at');
      return {
        ...toApi(row),
        referrals: referrals.map((r) => ({ id: r.id, stage: r.stage, createdAt: r.created_at.toISOString() })),
      };
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/job-seekers/:id/reveal',
      tag: 'referrals',
      summary: 'Show the job seeker’s unmasked ID number; audited as pii.reveal',
      body: idNumberRevealBody,
      response: revealResponse,
    },
    personIdReveal(db, 'job_seekers', 'job_seeker', '求职者不存在或不在您的辖区 (no such job seeker in your area)'),
  );
  return router;
}
