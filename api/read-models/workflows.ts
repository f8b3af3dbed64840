import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Env } from '../../config/env.js';
import type { assigneeSchema, workflowDetailSchema } from '../../contract/workflows.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { SupervisorAction } from '../../domain/stuck.js';
import type { Inspection } from '../../temporal/workflow-inspection.js';
import type { AuthUser } from '../http/types.js';
import { stuckBase, stuckToApi, withLiveState, type StuckRow } from './stuck-workflows.js';

// One workflow as a supervisor opens it (stuck or not), and what must hold before she acts on
// it: the action is offered now, the caseworker is one the case may go to, an activity is failing.

/** A workflow outside the projection (a broken deploy's) that is no longer stuck: what its last alert said. */
async function fromAlertHistory(db: Knex, id: string): Promise<StuckRow | undefined> {
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

/** A workflow the projection knows (stuck or not), or one with an alert, with its live state; else 404. */
export async function findWorkflow(db: Knex, temporal: Client, id: string): Promise<StuckRow> {
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
    (await fromAlertHistory(db, id));
  if (!row) throw new NotFoundError('没有这个流程 (no such workflow)');
  const [shown] = await withLiveState(temporal, [row]);
  return shown;
}

export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;

/** GET /api/workflows/:id, and the answer of every supervisor action: the row and what supervisors did on it. */
export async function workflowDetail(
  db: Knex,
  temporal: Client,
  env: Env,
  user: AuthUser,
  id: string,
): Promise<WorkflowDetail> {
  const row = await findWorkflow(db, temporal, id);
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

/** The workflow, if the action is one its row offers this user now; else 409 saying why not. */
export async function actableWorkflow(
  db: Knex,
  temporal: Client,
  env: Env,
  user: AuthUser,
  id: string,
  action: SupervisorAction,
): Promise<StuckRow> {
  const row = await findWorkflow(db, temporal, id);
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

/** Caseworkers who may take the workflow's case over: its community's active ones. */
export async function workflowAssignees(
  db: Knex,
  temporal: Client,
  id: string,
): Promise<z.infer<typeof assigneeSchema>[]> {
  const row = await findWorkflow(db, temporal, id);
  if (!row.community_id) return [];
  return db('users as u')
    .join('org_units as o', 'o.id', 'u.org_unit_id')
    .where({ 'u.role': 'caseworker', 'u.active': true, 'u.org_unit_id': row.community_id })
    .orderBy('u.id')
    .select('u.id', 'u.display_name as fullName', 'u.username');
}

/**
 * The caseworker a case is to be handed to. The reference check vouched for her; asked again
 * only for her name, and in case she was deactivated in between.
 */
export async function reassignTarget(
  db: Knex,
  row: StuckRow,
  assigneeId: number,
): Promise<{ id: number; display_name: string }> {
  const target = await db('users')
    .where({ id: assigneeId, role: 'caseworker', active: true, org_unit_id: row.community_id })
    .first('id', 'display_name');
  if (!target)
    throw new ValidationError("该用户不是本社区的在岗社区专干 (not an active caseworker of the case's community)", {
      assigneeId: '请选择本社区的社区专干 (choose a caseworker of this community)',
    });
  if (target.id === row.assignee_id) throw new ConflictError('案件已由此人经办 (already assigned to this caseworker)');
  return target;
}

/** The activities a retry resets: those past their first attempt; 409 when none is failing. */
export function failingActivities(row: StuckRow): Inspection['pendingActivities'] {
  const failing = row.live?.pendingActivities.filter((a) => a.attempt > 1) ?? [];
  if (!failing.length) throw new ConflictError('没有正在重试的活动 (no activity is failing now)');
  return failing;
}
