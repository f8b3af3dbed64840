import { Router } from 'express';
import { z } from 'zod';
import { volunteerDetailSchema, volunteerRegisterBody, volunteerSchema } from '../../contract/volunteers.js';
import { registerVolunteer } from '../commands/volunteers.js';
import { startCaseWorkflows } from '../temporal/case-start.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { idNumberRevealBody, personIdReveal, revealResponse } from '../read-models/pii-reveal.js';
import { visibleVolunteers, volunteerDetail, volunteerListSpec } from '../read-models/volunteers.js';
import { volunteerKind } from '../temporal/volunteer-start.js';

export function volunteerRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteers',
      tag: 'volunteers',
      summary:
        'Volunteers in your area — also the screening and approval queue (filters: stage, communityId, streetId, starLevel, suitability, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(volunteerSchema),
    },
    async ({ res, user, query }) => sendList(res, volunteerListSpec(user), visibleVolunteers(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteers/:id',
      tag: 'volunteers',
      summary: 'One volunteer: teams, sign-ups, hours, stars, the timeline and what you may do now',
      response: volunteerDetailSchema,
    },
    async ({ user, params }) => volunteerDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteers',
      tag: 'volunteers',
      summary: 'Register a volunteer (14–17 only with a guardian’s consent); starts volunteer-<id>, which screens her',
      body: volunteerRegisterBody,
      status: 201,
      response: volunteerDetailSchema,
    },
    async ({ body, user, req }) => {
      const created = await registerVolunteer(db, { user, requestId: req.requestId }, body, req.idempotency);
      if (startWorkflows) await startCaseWorkflows(db, temporal, env, volunteerKind, [created.id]);
      return created.answer;
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteers/:id/reveal',
      tag: 'volunteers',
      summary: 'Show the volunteer’s unmasked ID number; audited as pii.reveal',
      body: idNumberRevealBody,
      response: revealResponse,
    },
    personIdReveal(db, 'volunteers', 'volunteer', '志愿者不存在或不在您的辖区 (no such volunteer in your area)'),
  );
  return router;
}
