import { Router } from 'express';
import { z } from 'zod';
import { orgUnitSchema } from '../../contract/org-units.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { orgUnitDetail, orgUnitListSpec, visibleOrgUnits } from '../read-models/org-units.js';

export function orgUnitRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/org-units',
      tag: 'org-units',
      summary: 'The district, its streets and towns, and the communities in your area',
      query: listQuery,
      list: true,
      response: z.array(orgUnitSchema),
    },
    async ({ res, user, query }) => {
      await sendList(res, orgUnitListSpec, visibleOrgUnits(db, user), query);
    },
  );
  registry.add(
    router,
    { method: 'get', path: '/api/org-units/:id', tag: 'org-units', summary: 'One org unit', response: orgUnitSchema },
    async ({ user, params }) => orgUnitDetail(db, user, idParam(params.id)),
  );
  return router;
}
