import { Router } from 'express';
import { z } from 'zod';
import { enrollmentChangeUpdate, enrollmentStatusUpdate } from '../../workflows/benefit-case-messages.js';
import { actorOf, refuseClosed } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { enrollmentDetail, enrollmentListSpec, enrollmentsInArea, findEnrollment } from '../read-models/enrollments.js';
import { changeBody, enrollmentReasonBody, recheckBody } from '../../contract/benefit-actions.js';
import { enrollmentDetailSchema, enrollmentSchema } from '../../contract/enrollments.js';

// Enrolled households. Re-checks, reported changes and suspend / resume / terminate are
// Workflow Updates on the case; they take effect from the first of next month.

export function enrollmentRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/enrollments',
      tag: 'enrollments',
      summary:
        'Enrolled households in your area (filters: status, category, streetId, communityId, recheckDue, overdue, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(enrollmentSchema),
    },
    async ({ res, user, query }) => sendList(res, enrollmentListSpec(user), enrollmentsInArea(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/enrollments/:id',
      tag: 'enrollments',
      summary: 'One enrollment with its dated terms, members and timeline',
      response: enrollmentDetailSchema,
    },
    async ({ user, params }) => enrollmentDetail(db, user, idParam(params.id)),
  );

  const members = { 'members.*.memberId': refs.enrollmentMember };
  const act = (
    path: string,
    summary: string,
    body: z.ZodType,
    update: (workflowId: string, args: Record<string, unknown>) => Promise<unknown>,
    refs?: References,
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/enrollments/:id/${path}`,
        tag: 'enrollments',
        summary,
        body,
        refs,
        response: enrollmentDetailSchema,
      },
      async ({ user, params, body: b }) => {
        const row = await findEnrollment(db, user, idParam(params.id));
        refuseClosed(row.stage);
        await update(row.workflow_id, { actor: actorOf(user), ...(b as object) });
        return enrollmentDetail(db, user, row.id);
      },
    );

  act(
    'rechecks',
    'Record a re-check: current figures per member and the outcome (keep, adjust; suspend or terminate need the district role)',
    recheckBody,
    (wf, a) => updateCase(wf, enrollmentChangeUpdate, { ...(a as object), kind: 'recheck' } as never),
    members,
  );
  act(
    'changes',
    'Report a change of circumstances (income, members, death, moving away) with its outcome',
    changeBody,
    (wf, a) => updateCase(wf, enrollmentChangeUpdate, { ...(a as object), kind: 'change' } as never),
    members,
  );
  for (const action of ['suspend', 'resume', 'terminate'] as const) {
    act(
      action,
      `${action[0].toUpperCase()}${action.slice(1)} the allowance from next month, with a reason (district role)`,
      enrollmentReasonBody,
      (wf, a) => updateCase(wf, enrollmentStatusUpdate, { ...(a as object), action } as never),
    );
  }
  return router;
}
