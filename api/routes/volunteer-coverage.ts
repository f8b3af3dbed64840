import { Router } from 'express';
import { z } from 'zod';
import { coverageRowSchema } from '../../contract/volunteer-coverage.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import { coverageQuery, volunteerCoverageListSpec } from '../read-models/volunteer-coverage.js';

export function volunteerCoverageRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-coverage',
      tag: 'volunteers',
      summary: 'Active volunteers per community against the 1% of residents target (filters: streetId, met)',
      query: listQuery,
      list: true,
      response: z.array(coverageRowSchema),
    },
    async ({ res, user, query }) => sendList(res, volunteerCoverageListSpec, coverageQuery(db, user), query),
  );
  return router;
}
