import { Router } from 'express';
import { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { notify } from '../../db/notifications.js';
import { resolveAlerts } from '../../db/workflow-alerts.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { SupervisorAction } from '../../domain/stuck.js';
import * as sup from '../../workflows/supervision-messages.js';
import { refs } from '../access/references.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import type { AuthUser } from '../http/types.js';
import { stuckBase, stuckListSpec, stuckToApi, withLiveState, type StuckRow } from '../read-models/stuck-workflows.js';
import { supervisionBodies as bodies } from '../../contract/supervision-actions.js';
import { assigneeSchema, stuckRowSchema, workflowDetailSchema } from '../../contract/workflows.js';

// Supervisors' view of stuck workflows and what they do about them. Every action names its
// reason and is audited as `workflow.<action>` on the workflow; changes to a case go through
// its workflow (an Update), never around it.

const caseTables = { benefit: 'applications', referral: 'referrals', volunteer: 'volunteers' } as const;

export function workflowRoutes({ registry, db, temporal, env, updateCase }: RouteContext): Router {
  const router = Router();

  /** A workflow the projection knows (stuck or not), or one with an alert; else 404. */
  async function findWorkflow(id: string): Promise<StuckRow> {
    const known = db('case_workflows as w')
      .leftJoin('stuck_workflows as x', 'x.id', 'w.workflow_id')
      .where('w.workflow_id', id)
      .select(
        'w.workflow_id as id',
        'w.kind',
        'w.case_key',
        'w.case_id',
        'w.stage',
        db.raw('COALESCE(x.stuck_since, w.since) AS stuck_since'),
        'w.deadline_at',
        'w.assignee_id',
        'w.street_id',
        'w.community_id',
        'x.reasons',
        'x.attempts',
        'x.last_error',
        'x.activity_type',
        'x.detail',
      );
    const row: StuckRow | undefined =
      (await stuckBase(db, known).first()) ??
      (await stuckBase(db).where('s.id', id).first()) ??
      (await fromAlertHistory(id));
    if (!row) throw new NotFoundError('没有这个流程 (no such workflow)');
    const [shown] = await withLiveState(temporal, [row]);
    return shown;
  }

  /** A workflow outside the projection (a broken deploy's) that is no longer stuck: what its last alert said. */
  async function fromAlertHistory(id: string): Promise<StuckRow | undefined> {
    const a = await db('workflow_alerts').where({ workflow_id: id }).orderBy('id', 'desc').first();
    if (!a) return undefined;
    const none = {
      case_key: null,
      case_id: null,
      stage: null,
      deadline_at: null,
      assignee_id: null,
      assignee_name: null,
      street_id: null,
      street_name: null,
      community_id: null,
      community_name: null,
    };
    return {
      ...none,
      id,
      kind: a.kind,
      stuck_since: a.detected_at,
      reasons: [],
      attempts: a.attempts,
      last_error: a.last_error,
      activity_type: a.activity_type,
      detail: a.detail,
    };
  }

  async function answer(user: AuthUser, id: string) {
    const row = await findWorkflow(id);
    const events = await db('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .where({ 'a.entity_type': 'workflow', 'a.entity_id': id })
      .orderBy('a.id', 'desc')
      .select('a.action', 'a.after', 'a.at', 'u.display_name', 'a.actor_username');
    return {
      ...stuckToApi(env, user.role, row),
      interventions: events.map((e) => ({
        action: String(e.action).replace(/^workflow\./, ''),
        reason: e.after?.reason ?? null,
        actorName: e.display_name ?? e.actor_username,
        at: e.at.toISOString(),
      })),
    };
  }

  /** The action must be one the row offers this user now; else 409 saying why not. */
  async function actable(user: AuthUser, id: string, action: SupervisorAction): Promise<StuckRow> {
    const row = await findWorkflow(id);
    const api = stuckToApi(env, user.role, row);
    if (!api.allowedActions.includes(action)) {
      const why =
        api.status !== 'running'
          ? `流程已${api.status} (workflow is ${api.status})`
          : `此流程不能执行「${action}」 (not possible for this ${api.kind ?? 'workflow'} now)`;
      throw new ConflictError(why);
    }
    return row;
  }

  const audit = (
    user: AuthUser,
    requestId: string | undefined,
    id: string,
    action: SupervisorAction,
    after: Record<string, unknown>,
    orgUnitId: number | null,
  ) =>
    writeAudit(
      db,
      { user, requestId },
      { action: `workflow.${action}`, entityType: 'workflow', entityId: id, orgUnitId, after },
    );

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
    async ({ params }) => {
      const row = await findWorkflow(String(params.id));
      if (!row.community_id) return [];
      return db('users as u')
        .join('org_units as o', 'o.id', 'u.org_unit_id')
        .where({ 'u.role': 'caseworker', 'u.active': true, 'u.org_unit_id': row.community_id })
        .orderBy('u.id')
        .select('u.id', 'u.display_name as fullName', 'u.username');
    },
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
      // The reference check vouched for the assignee; asked again only for her name, and in case
      // she was deactivated in between.
      const target = await db('users')
        .where({ id: body.assigneeId, role: 'caseworker', active: true, org_unit_id: row.community_id })
        .first('id', 'display_name');
      if (!target)
        throw new ValidationError("该用户不是本社区的在岗社区专干 (not an active caseworker of the case's community)", {
          assigneeId: '请选择本社区的社区专干 (choose a caseworker of this community)',
        });
      if (target.id === row.assignee_id)
        throw new ConflictError('案件已由此人经办 (already assigned to this caseworker)');
      await updateCase(id, sup.reassignUpdate, { actor: actorOf(user), assigneeId: target.id, reason: body.reason });
      await audit(
        user,
        req.requestId,
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
      await audit(
        user,
        req.requestId,
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
      const audience =
        row.kind === 'disbursement' ? { role: 'finance', unit: null } : { role: 'caseworker', unit: row.community_id };
      await db.transaction(async (trx) => {
        await notify(trx, {
          dedupeKey: `remind:${id}:${req.requestId ?? Date.now()}`,
          kind: 'reminder',
          audienceRole: audience.role,
          orgUnitId: audience.unit,
          entityType:
            row.kind === 'disbursement'
              ? 'disbursement_run'
              : (({ benefit: 'application', referral: 'referral', volunteer: 'volunteer' } as Record<string, string>)[
                  row.kind ?? ''
                ] ?? 'workflow'),
          entityId: row.case_id ?? id,
          message: `督导提醒（${id}）：${body.reason}`,
        });
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'workflow.remind',
            entityType: 'workflow',
            entityId: id,
            orgUnitId: row.community_id,
            after: { reason: body.reason, to: audience.role },
          },
        );
      });
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
      const failing = row.live?.pendingActivities.filter((a) => a.attempt > 1) ?? [];
      if (!failing.length) throw new ConflictError('没有正在重试的活动 (no activity is failing now)');
      for (const a of failing) {
        await temporal.workflowService.resetActivity({
          namespace: env.TEMPORAL_NAMESPACE,
          execution: { workflowId: id },
          id: a.activityId,
          identity: `shequ:${user.username}`,
          resetHeartbeat: true,
        });
      }
      await audit(
        user,
        req.requestId,
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
      await db.transaction(async (trx) => {
        const table = row.kind ? caseTables[row.kind as keyof typeof caseTables] : undefined;
        if (table && row.case_id)
          await trx(table)
            .where({ id: row.case_id })
            .update({ terminated_at: trx.fn.now(), terminated_reason: body.reason });
        await resolveAlerts(trx, id, 'terminated by supervisor');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'workflow.terminate',
            entityType: 'workflow',
            entityId: id,
            orgUnitId: row.community_id,
            after: { reason: body.reason, stage: row.stage },
          },
        );
      });
      return answer(user, id);
    },
  );

  return router;
}
