import { Router } from 'express';
import { z } from 'zod';
import { helperSchema } from '../../contract/helpers.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import { helperListSpec, helpersInArea } from '../read-models/helpers.js';

// 一助一 helpers: the named person in the community who follows one seeker into work.

export function helperRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/helpers',
      tag: 'referrals',
      summary:
        'One-to-one helpers in your area, with how many seekers each follows now (filters: communityId, active, q)',
      query: listQuery,
      list: true,
      response: z.array(helperSchema),
    },
    async ({ res, user, query }) => sendList(res, helperListSpec, helpersInArea(db, user), query),
  );
  return router;
}
