import { Router } from 'express';
import { z } from 'zod';
import { employerCreateBody, employerSchema } from '../../contract/employers.js';
import { createEmployer } from '../commands/employers.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { employerBaseQuery, employerDetail, employerListSpec } from '../read-models/employers.js';

// Employers that offer openings through the service points. Job information is public within
// the bureau: every role reads it, whatever its area.

export function employerRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/employers',
      tag: 'placements',
      summary: 'Employers, with their open openings and places left (filters: streetId, q)',
      query: listQuery,
      list: true,
      response: z.array(employerSchema),
    },
    async ({ res, query }) => sendList(res, employerListSpec, employerBaseQuery(db), query),
  );
  registry.add(
    router,
    { method: 'get', path: '/api/employers/:id', tag: 'placements', summary: 'One employer', response: employerSchema },
    async ({ params }) => employerDetail(db, idParam(params.id)),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/employers',
      tag: 'placements',
      summary: 'Add an employer',
      body: employerCreateBody,
      status: 201,
      response: employerSchema,
    },
    async ({ body, user, req }) =>
      employerDetail(db, await createEmployer(db, { user, requestId: req.requestId }, body)),
  );
  return router;
}
