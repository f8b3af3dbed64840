import { Router } from 'express';
import { z } from 'zod';
import { placementReportRowSchema } from '../../contract/placement-report.js';
import { placementSchema } from '../../contract/placements.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import {
  placementListQuery,
  placementListSpec,
  placementReportQuery,
  placementReportSpec,
} from '../read-models/placements.js';

// Placements, and the report per street and month of start with the 1-, 3- and 6-month
// retention rates (how they are counted: api/read-models/placements.ts).

export function placementRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/placements',
      tag: 'placements',
      summary: 'Placements in your area with their follow-ups (filters: streetId, status, month, q)',
      query: listQuery,
      list: true,
      response: z.array(placementSchema),
    },
    async ({ res, user, query }) => sendList(res, placementListSpec, placementListQuery(db, user), query),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/placement-report',
      tag: 'placements',
      summary:
        'Placements per street and month of start, with 1-, 3- and 6-month retention rates (filters: streetId, from, to)',
      query: listQuery,
      list: true,
      response: z.array(placementReportRowSchema),
    },
    async ({ res, user, query }) => sendList(res, placementReportSpec, placementReportQuery(db, user), query),
  );
  return router;
}
