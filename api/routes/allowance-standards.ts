import { Router } from 'express';
import { z } from 'zod';
import { allowanceStandardSchema, createStandardBody } from '../../contract/allowance-standards.js';
import { createStandard } from '../commands/allowance-standards.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import { standardListSpec, standardsQuery } from '../read-models/allowance-standards.js';

// Effective-dated standards: a policy change is a new row from its date, never an edit of a
// standard that amounts already paid were computed on.

export function allowanceStandardRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/allowance-standards',
      tag: 'allowance-standards',
      summary: 'Allowance standards by the date they apply from',
      query: listQuery,
      list: true,
      response: z.array(allowanceStandardSchema),
    },
    async ({ res, query }) => sendList(res, standardListSpec, standardsQuery(db), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/allowance-standards',
      tag: 'allowance-standards',
      summary: 'Add a standard that applies from a future date',
      body: createStandardBody,
      status: 201,
      response: allowanceStandardSchema,
    },
    async ({ body, user, req }) => createStandard(db, { user, requestId: req.requestId }, body),
  );
  return router;
}
