import { Router } from 'express';
import { z } from 'zod';
import {
  bulkConfirmResultSchema,
  hoursBulkConfirmBody,
  hoursConfirmBody,
  hoursRejectBody,
  volunteerHoursSchema,
} from '../../contract/volunteer-hours.js';
import { ForbiddenError } from '../../domain/errors.js';
import { hoursDeciders } from '../../domain/volunteer-rules.js';
import { decideHoursUpdate } from '../../workflows/volunteer-messages.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { mapError } from '../http/error-handler.js';
import type { AuthUser } from '../http/types.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { hoursEntry, hoursWorkflowId, visibleHours, volunteerHoursListSpec } from '../read-models/volunteer-hours.js';

// Hours entries and their confirmation. A team leader decides the hours of his own teams'
// activities; a caseworker those of her area; the decision itself is an Update of the
// volunteer's workflow, which counts her hours and stars.

export function volunteerHoursRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();
  const decide = async (user: AuthUser, hoursId: number, confirm: boolean, reason: string) => {
    const workflowId = await hoursWorkflowId(db, user, hoursId);
    if (!hoursDeciders.includes(user.role)) throw new ForbiddenError();
    await updateCase(workflowId, decideHoursUpdate, { actor: actorOf(user), hoursId, confirm, reason });
    return hoursEntry(db, hoursId);
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-hours',
      tag: 'volunteers',
      summary:
        'Hours entries you may see (team leaders: their teams’ activities) (filters: status, teamId, activityId, volunteerId)',
      query: listQuery,
      list: true,
      response: z.array(volunteerHoursSchema),
    },
    async ({ res, user, query }) => sendList(res, volunteerHoursListSpec, visibleHours(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/confirm',
      tag: 'volunteers',
      summary:
        'Confirm many pending entries at once; each answers on its own (200, or the refusal’s status and message)',
      body: hoursBulkConfirmBody,
      response: bulkConfirmResultSchema,
    },
    async ({ user, body }) => {
      const results = [];
      for (const hoursId of body.ids) {
        try {
          await decide(user, hoursId, true, '');
          results.push({ id: hoursId, status: 200 });
        } catch (e) {
          const m = mapError(e);
          if (!m) throw e;
          results.push({ id: hoursId, status: m.status, message: m.message });
        }
      }
      return { results };
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/:id/confirm',
      tag: 'volunteers',
      summary: 'Confirm a pending entry: it counts toward her hours and stars (409 if decided already)',
      body: hoursConfirmBody,
      response: volunteerHoursSchema,
    },
    async ({ user, params }) => decide(user, idParam(params.id), true, ''),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/:id/reject',
      tag: 'volunteers',
      summary: 'Reject a pending entry, with a reason',
      body: hoursRejectBody,
      response: volunteerHoursSchema,
    },
    async ({ user, params, body }) => decide(user, idParam(params.id), false, body.reason),
  );
  return router;
}
