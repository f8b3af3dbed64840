import { Router } from 'express';
import { z } from 'zod';
import { enterpriseCreateBody, enterpriseSchema } from '../../contract/enterprises.js';
import { createEnterprise } from '../commands/enterprises.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import { enterpriseBaseQuery, enterpriseListSpec } from '../read-models/enterprises.js';

// Enterprises under restructuring that refer their surplus staff (企业分离人员) to communities.

export function enterpriseRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/enterprises',
      tag: 'referrals',
      summary: 'Referring enterprises (filter: q)',
      query: listQuery,
      list: true,
      response: z.array(enterpriseSchema),
    },
    async ({ res, query }) => sendList(res, enterpriseListSpec, enterpriseBaseQuery(db), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/enterprises',
      tag: 'referrals',
      summary: 'Add a referring enterprise',
      body: enterpriseCreateBody,
      status: 201,
      response: enterpriseSchema,
    },
    async ({ body, user, req }) => createEnterprise(db, { user, requestId: req.requestId }, body),
  );
  return router;
}
