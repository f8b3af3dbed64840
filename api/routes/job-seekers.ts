import { Router } from 'express';
import { z } from 'zod';
import { jobSeekerDetailSchema, jobSeekerSchema } from '../../contract/job-seekers.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { jobSeekerDetail, jobSeekerListQuery, jobSeekerListSpec } from '../read-models/job-seekers.js';
import { idNumberRevealBody, personIdReveal, revealResponse } from '../read-models/pii-reveal.js';

// Laid-off and unemployed people referred to the communities, each with her latest referral.

export function jobSeekerRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
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
    async ({ res, user, query }) => sendList(res, jobSeekerListSpec, jobSeekerListQuery(db, user), query),
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
    async ({ user, params }) => jobSeekerDetail(db, user, idParam(params.id)),
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
