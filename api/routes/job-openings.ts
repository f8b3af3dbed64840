import { Router } from 'express';
import { z } from 'zod';
import { jobOpeningCreateBody, jobOpeningSchema, jobOpeningUpdateBody } from '../../contract/job-openings.js';
import { createJobOpening, updateJobOpening } from '../commands/job-openings.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { jobOpeningBaseQuery, jobOpeningDetail, jobOpeningListSpec } from '../read-models/job-openings.js';
import { signalOpeningsChanged } from '../temporal/referral-start.js';

// Job openings with their places. Any change makes the referrals in matching rank again; the
// answer is read after they were told.

export function jobOpeningRoutes({ registry, db, temporal }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-openings',
      tag: 'placements',
      summary: 'Job openings with places left (filters: status, streetId, employerId, hasPlaces, q)',
      query: listQuery,
      list: true,
      response: z.array(jobOpeningSchema),
    },
    async ({ res, query }) => sendList(res, jobOpeningListSpec, jobOpeningBaseQuery(db), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-openings/:id',
      tag: 'placements',
      summary: 'One opening',
      response: jobOpeningSchema,
    },
    async ({ params }) => jobOpeningDetail(db, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/job-openings',
      tag: 'placements',
      summary: 'Add an opening; referrals in matching rank again',
      body: jobOpeningCreateBody,
      status: 201,
      response: jobOpeningSchema,
    },
    async ({ body, user, req }) => {
      const id = await createJobOpening(db, { user, requestId: req.requestId }, body);
      await signalOpeningsChanged(db, temporal);
      return jobOpeningDetail(db, id);
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/job-openings/:id',
      tag: 'placements',
      summary: 'Change an opening (places, wage, skills, open/closed); places already filled stay filled',
      body: jobOpeningUpdateBody,
      response: jobOpeningSchema,
    },
    async ({ params, body, user, req }) => {
      const id = idParam(params.id);
      await updateJobOpening(db, { user, requestId: req.requestId }, id, body);
      await signalOpeningsChanged(db, temporal);
      return jobOpeningDetail(db, id);
    },
  );
  return router;
}
