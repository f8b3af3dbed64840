import { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { referralDetailSchema, referralSchema } from '../../contract/referrals.js';
import { referralDetail, referralListQuery, referralListSpec } from '../read-models/referrals.js';

export function referralRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referrals',
      tag: 'referrals',
      summary:
        'Laid-off worker referrals in your area (filters: stage, streetId, communityId, enterpriseId, batchId, overdue, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(referralSchema),
    },
    async ({ res, user, query }) => sendList(res, referralListSpec(user), referralListQuery(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referrals/:id',
      tag: 'referrals',
      summary:
        'One referral: the seeker (ID number masked), assessment, helper, ranked matches with their reasons, interviews, placements, follow-ups, the timeline and what you may do now',
      response: referralDetailSchema,
    },
    async ({ user, params }) => referralDetail(db, user, idParam(params.id)),
  );
  return router;
}
