import { Router } from 'express';
import { z } from 'zod';
import { startBenefitWorkflow } from '../temporal/benefit-start.js';
import type { RouteContext } from '../deps.js';
import { submitApplication } from '../commands/applications.js';
import { applicationDetailSchema, applicationSchema, createApplicationBody } from '../../contract/applications.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import {
  applicationDetail,
  applicationHousehold,
  applicationListSpec,
  applicationsInArea,
} from '../read-models/applications.js';
import { householdRevealBody, householdSealedValue, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';

export function applicationRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Dibao applications in your area (filters: stage, streetId, communityId, overdue, blocked, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(applicationSchema),
    },
    async ({ res, user, query }) => sendList(res, applicationListSpec(user), applicationsInArea(db, user), query),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/applications/:id',
      tag: 'applications',
      summary:
        'One application: members (ID numbers masked), the amount and how it was computed, the timeline, and what you may do now',
      response: applicationDetailSchema,
    },
    async ({ user, params }) => applicationDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Submit a dibao application for a household; starts its benefit-<id> workflow',

      body: createApplicationBody,
      status: 201,
      response: applicationDetailSchema,
    },
    async ({ body, user, req }) => {
      const created = await submitApplication(db, { user, requestId: req.requestId }, body, req.idempotency);
      if (startWorkflows)
        await startBenefitWorkflow(temporal, env, {
          id: created.id,
          workflowId: created.workflowId,
          stage: 'submitted',
          streetCode: created.streetCode,
          communityCode: created.communityCode,
        });
      return created.answer;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/applications/:id/reveal',
      tag: 'applications',
      summary:
        'Show one unmasked value of the household: a member’s ID number (field idNumber, memberId) or the bank account (field bankAccount); audited as pii.reveal',
      body: householdRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const app = await applicationHousehold(db, user, idParam(params.id));
      const sealed = await householdSealedValue(db, app.household_id, body);
      return sendRevealed(
        { db, req, res, user },
        {
          entityType: 'application',
          entityId: app.id,
          orgUnitId: app.community_id,
          field: body.field,
          memberId: body.memberId,
        },
        sealed,
      );
    },
  );
  return router;
}
