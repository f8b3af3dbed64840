import { Router } from 'express';
import { z } from 'zod';
import { referralBatchCreateBody, referralBatchSchema } from '../../contract/referral-batches.js';
import { createReferralBatch } from '../commands/referral-batches.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { referralBatchDetail, referralBatchListQuery, referralBatchListSpec } from '../read-models/referral-batches.js';
import { startCaseWorkflows } from '../temporal/case-start.js';
import { referralKind } from '../temporal/referral-start.js';

// An enterprise under restructuring hands over its list of surplus staff: the whole list is
// recorded or nothing is (api/commands/referral-batches.ts), then each referral's workflow starts.

export function referralBatchRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referral-batches',
      tag: 'referrals',
      summary: 'Lists of surplus staff received from enterprises (filter: enterpriseId)',
      query: listQuery,
      list: true,
      response: z.array(referralBatchSchema),
    },
    async ({ res, user, query }) => sendList(res, referralBatchListSpec, referralBatchListQuery(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referral-batches/:id',
      tag: 'referrals',
      summary: 'One list, with the referrals of your area it holds',
      response: referralBatchSchema,
    },
    async ({ user, params }) => referralBatchDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/referral-batches',
      tag: 'referrals',
      summary:
        'Record an enterprise’s list of surplus staff: one referral per person, each starting its referral-<id> workflow',
      body: referralBatchCreateBody,
      status: 201,
      response: referralBatchSchema,
    },
    async ({ body, user, req }) => {
      const created = await createReferralBatch(db, { user, requestId: req.requestId }, body, req.idempotency);
      if (startWorkflows) await startCaseWorkflows(db, temporal, env, referralKind, created.ids);
      return created.answer;
    },
  );
  return router;
}
