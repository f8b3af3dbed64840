import { Router } from 'express';
import { z } from 'zod';
import { householdDetailSchema, householdSchema } from '../../contract/households.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { householdDetail, householdInArea, householdListSpec, householdsInArea } from '../read-models/households.js';
import { householdRevealBody, householdSealedValue, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';

export function householdRoutes({ registry, db }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/households',
      tag: 'households',
      summary: 'Households in your area (filters: communityId, streetId, category, q)',
      query: listQuery,
      list: true,
      response: z.array(householdSchema),
    },
    async ({ res, user, query }) => sendList(res, householdListSpec, householdsInArea(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/households/:id',
      tag: 'households',
      summary: 'One household with its members (ID numbers masked)',
      response: householdDetailSchema,
    },
    async ({ user, params }) => householdDetail(db, user, idParam(params.id)),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/households/:id/reveal',
      tag: 'households',
      summary:
        'Show one unmasked value: a member’s ID number (field idNumber, memberId) or the bank account (field bankAccount); audited as pii.reveal',
      body: householdRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const row = await householdInArea(db, user, idParam(params.id));
      const sealed = await householdSealedValue(db, row.id, body);
      return sendRevealed(
        { db, req, res, user },
        {
          entityType: 'household',
          entityId: row.id,
          orgUnitId: row.community_id,
          field: body.field,
          memberId: body.memberId,
        },
        sealed,
      );
    },
  );
  return router;
}
