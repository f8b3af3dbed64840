import { Router } from 'express';
import { z } from 'zod';
import type { SupervisorAction } from '../../domain/stuck.js';
import * as sup from '../../workflows/supervision-messages.js';
import { refs } from '../access/references.js';
import { actorOf } from '../actor.js';
import { recordIntervention, recordTermination, remindHolders } from '../commands/workflows.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import type { AuthUser } from '../http/types.js';
import { stuckBase, stuckListSpec } from '../read-models/stuck-workflows.js';
import {
  actableWorkflow,
  failingActivities,
  reassignTarget,
  workflowAssignees,
  workflowDetail,
} from '../read-models/workflows.js';
import { supervisionBodies as bodies } from '../../contract/supervision-actions.js';
import { assigneeSchema, stuckRowSchema, workflowDetailSchema } from '../../contract/workflows.js';

// Supervisors' view of stuck workflows and what they do about them. Every action names its
// reason and is audited as `workflow.<action>` on the workflow; changes to a case go through
// its workflow (an Update), never around it.

export function workflowRoutes({ registry, db, temporal, env, updateCase }: RouteContext): Router {
  const router = Router();
  const answer = (user: AuthUser, id: string) => workflowDetail(db, temporal, env, user, id);
  const actable = (user: AuthUser, id: string, action: SupervisorAction) =>
    actableWorkflow(db, temporal, env, user, id, action);

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/workflows',
      tag: 'workflows',
      summary:
        'Stuck workflows: overdue, failing activity, failing workflow task, waiting on sign-off, drift (filters: kind, reason, streetId, minAgeDays)',
      query: listQuery,
      list: true,
      response: z.array(stuckRowSchema),
    },
    async ({ res, user, query }) => sendList(res, stuckListSpec(env, temporal, user.role), stuckBase(db), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/workflows/:id',
      tag: 'workflows',
      summary: "One workflow: why it is stuck (if it is), live state from Temporal, and the supervisors' actions on it",
      response: workflowDetailSchema,
    },
    ({ user, params }) => answer(user, String(params.id)),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/workflows/:id/assignees',
      tag: 'workflows',
      summary: "Caseworkers who may take the case over (its community's)",
      response: z.array(assigneeSchema),
    },
    async ({ params }) => workflowAssignees(db, temporal, String(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/workflows/:id/reassign',
      tag: 'workflows',
      summary: 'Give the case to another caseworker of its community (an Update of the case workflow)',
      body: bodies.reassign,
      response: workflowDetailSchema,
      refs: { assigneeId: refs.caseCaseworker },
    },
    async ({ user, params, body, req }) => {
      const id = String(params.id);
      const row = await actable(user, id, 'reassign');
      const target = await reassignTarget(db, row, body.assigneeId);
      await updateCase(id, sup.reassignUpdate, { actor: actorOf(user), assigneeId: target.id, reason: body.reason });
      await recordIntervention(
        db,
        { user, requestId: req.requestId },
        id,
        'reassign',
        { reason: body.reason, from: row.assignee_id, to: target.id, toName: target.display_name },
        row.community_id,
      );
      return answer(user, id);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/workflows/:id/extend',
      tag: 'workflows',
      summary: 'Move the deadline of the stage the case waits at (an Update of the case workflow)',
      body: bodies.extend,
      response: workflowDetailSchema,
    },
    async ({ user, params, body, req }) => {
      const id = String(params.id);
      const row = await actable(user, id, 'extend');
      await updateCase(id, sup.extendDeadlineUpdate, {
        actor: actorOf(user),
        deadlineAt: new Date(body.deadlineAt).toISOString(),
        reason: body.reason,
      });
      await recordIntervention(
        db,
        { user, requestId: req.requestId },
        id,
        'extend',
        {
          reason: body.reason,
          from: row.deadline_at?.toISOString() ?? null,
          to: new Date(body.deadlineAt).toISOString(),
        },
        row.community_id,
      );
      return answer(user, id);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/workflows/:id/remind',
      tag: 'workflows',
      summary:
        "Send the people who hold the case a reminder (a notification to its community's caseworkers, or finance for a run)",
      body: bodies.remind,
      response: workflowDetailSchema,
    },
    async ({ user, params, body, req }) => {
      const id = String(params.id);
      const row = await actable(user, id, 'remind');
      await remindHolders(db, { user, requestId: req.requestId }, row, id, body.reason);
      return answer(user, id);
    },
  );

  // Retry now: ResetActivity on the server resets the failing activity's attempts and schedules
  // it at once. It touches no workflow history or code, so it is safe for any running workflow.
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/workflows/:id/retry',
      tag: 'workflows',
      summary: 'Retry the failing activity now instead of waiting out its backoff (Temporal ResetActivity)',
      body: bodies.retry,
      response: workflowDetailSchema,
    },
    async ({ user, params, body, req }) => {
      const id = String(params.id);
      const row = await actable(user, id, 'retry');
      const failing = failingActivities(row);
      for (const a of failing) {
        await temporal.workflowService.resetActivity({
          namespace: env.TEMPORAL_NAMESPACE,
          execution: { workflowId: id },
          id: a.activityId,
          identity: `shequ:${user.username}`,
          resetHeartbeat: true,
        });
      }
      await recordIntervention(
        db,
        { user, requestId: req.requestId },
        id,
        'retry',
        {
          reason: body.reason,
          activities: failing.map((a) => ({ id: a.activityId, type: a.activityType, attempt: a.attempt })),
        },
        row.community_id,
      );
      return answer(user, id);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/workflows/:id/terminate',
      tag: 'workflows',
      summary:
        'Terminate the workflow (the console asks for confirmation); the case is marked terminated by the supervisor',
      body: bodies.terminate,
      response: workflowDetailSchema,
    },
    async ({ user, params, body, req }) => {
      const id = String(params.id);
      const row = await actable(user, id, 'terminate');
      await temporal.workflow.getHandle(id).terminate(`督导终止 (terminated by ${user.username}): ${body.reason}`);
      await recordTermination(db, { user, requestId: req.requestId }, row, id, body.reason);
      return answer(user, id);
    },
  );

  return router;
}
