import { Router } from 'express';
import { z } from 'zod';
import { addPolicyDays } from '../../domain/policy-time.js';
import { householdDetailSchema } from '../../contract/households.js';
import { careFlagsBody, homeVisitSchema, visitRecordBody } from '../../contract/home-visits.js';
import { visitPolicy } from '../../config/visit-policy.js';
import { recordVisitUpdate } from '../../workflows/volunteer-messages.js';
import { actorOf } from '../actor.js';
import { setCareFlags } from '../commands/home-visits.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import {
  homeVisitDetail,
  homeVisitListSpec,
  visibleHomeVisits,
  visitRecordTarget,
} from '../read-models/home-visits.js';
import { householdDetail } from '../read-models/households.js';

// Volunteers visit the households that need it (孤、老、病、残): the caseworker flags a household,
// the visit-planning Schedule plans its visits as activities of the community's teams, and the
// team leader or caseworker records what each volunteer found, which confirms her hours (an
// Update of her workflow, like any hours decision).

export function homeVisitRoutes({ registry, db, env, updateCase }: RouteContext): Router {
  const router = Router();
  const policy = visitPolicy(env);
  registry.add(
    router,
    {
      method: 'put',
      path: '/api/households/:id/care-flags',
      tag: 'households',
      summary:
        'Set the household’s care flags (孤老 elderly_alone, 重残 severely_disabled, 重病 seriously_ill); the first starts its visit plan, none ends it; audited',
      body: careFlagsBody,
      response: householdDetailSchema,
    },
    async ({ req, user, params, body }) => {
      const id = idParam(params.id);
      await setCareFlags(db, { user, requestId: req.requestId }, id, body);
      return householdDetail(db, user, id);
    },
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/home-visits',
      tag: 'volunteers',
      summary:
        'Planned home visits in your area, with what was recorded (filters: householdId, activityId, communityId, status)',
      query: listQuery,
      list: true,
      response: z.array(homeVisitSchema),
    },
    async ({ res, user, query }) => sendList(res, homeVisitListSpec, visibleHomeVisits(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/home-visits/:id',
      tag: 'volunteers',
      summary: 'One planned home visit',
      response: homeVisitSchema,
    },
    async ({ user, params }) => homeVisitDetail(db, user, idParam(params.id)),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/home-visits/:id/records',
      tag: 'volunteers',
      summary:
        'Record what a signed-up volunteer found (done, not_home, or concern with a kind and a note), once the visit is over; confirms her hours of it once; a concern raises a casework task',
      body: visitRecordBody,
      response: homeVisitSchema,
    },
    async ({ user, params, body }) => {
      const id = idParam(params.id);
      const { workflowId } = await visitRecordTarget(db, user, id, body.volunteerId);
      await updateCase(workflowId, recordVisitUpdate, {
        actor: actorOf(user),
        homeVisitId: id,
        outcome: body.outcome,
        concernKind: body.concernKind,
        note: body.note,
        minutes: body.minutes,
        taskDueAt: addPolicyDays(new Date(), policy.taskDays, policy.daySeconds).toISOString(),
      });
      return homeVisitDetail(db, user, id);
    },
  );
  return router;
}
