import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Env } from '../../config/env.js';
import { enrolledBenefitStages } from '../../domain/benefit-stages.js';
import type { Role } from '../../domain/roles.js';
import { allowedSupervisorActions, caseLink, mainReason, stuckReasons } from '../../domain/stuck.js';
import type { WorkflowKind } from '../../domain/search-attributes.js';
import { inspectWorkflow, type Inspection } from '../../temporal/workflow-inspection.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { workflowFilters as f, type stuckRowSchema } from '../../contract/workflows.js';

// The stuck list: one row per workflow from the projection's view (overdue cases and runs,
// open alerts), then one describe() per row shown for what only Temporal knows now (status,
// the pending activity's attempt and error, the workflow task's attempt).

export interface StuckRow {
  id: string;
  kind: WorkflowKind | null;
  case_key: string | null;
  case_id: number | null;
  stage: string | null;
  stuck_since: Date | null;
  deadline_at: Date | null;
  assignee_id: number | null;
  assignee_name: string | null;
  street_id: number | null;
  street_name: string | null;
  community_id: number | null;
  community_name: string | null;
  reasons: string[] | null;
  attempts: number | null;
  last_error: string | null;
  activity_type: string | null;
  detail: string | null;
  live?: Inspection | null;
}

export type StuckApiRow = z.infer<typeof stuckRowSchema>;

/** The projection's columns for a workflow; `from` is stuck_workflows (the list) or a join that also finds healthy ones. */
export function stuckBase(db: Knex, from: Knex.QueryBuilder | string = 'stuck_workflows'): Knex.QueryBuilder {
  return db
    .from(typeof from === 'string' ? { s: from } : from.as('s'))
    .leftJoin('org_units as st', 'st.id', 's.street_id')
    .leftJoin('org_units as cm', 'cm.id', 's.community_id')
    .leftJoin('users as u', 'u.id', 's.assignee_id')
    .select('s.*', 'st.name as street_name', 'cm.name as community_name', 'u.display_name as assignee_name');
}

export const stuckFilters = {
  kind: filter(f.kind, (qb, v) => qb.where('s.kind', v)),
  reason: filter(f.reason, (qb, v) => qb.whereRaw('s.reasons @> ARRAY[?]::text[]', [v])),
  streetId: filter(f.streetId, (qb, v) => qb.where('s.street_id', v)),
  minAgeDays: filter(f.minAgeDays, (qb, v) =>
    qb.whereRaw(`s.stuck_since <= now() - make_interval(secs => ?)`, [v * 86400]),
  ),
};

/** The live part, asked of Temporal for the rows shown only; a failed describe leaves the projection's word. */
export async function withLiveState(temporal: Client, rows: StuckRow[]): Promise<StuckRow[]> {
  return Promise.all(
    rows.map(async (r) => ({ ...r, live: await inspectWorkflow(temporal, r.id).catch(() => undefined) })),
  );
}

export function temporalUrl(env: Env, workflowId: string): string {
  const base = env.TEMPORAL_UI_URL ?? `http://localhost:${env.TEMPORAL_UI_PORT}`;
  return `${base.replace(/\/$/, '')}/namespaces/${encodeURIComponent(env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function stuckToApi(env: Env, role: Role, r: StuckRow): StuckApiRow {
  const reasons = (r.reasons ?? []).filter((x): x is StuckApiRow['reasons'][number] =>
    (stuckReasons as readonly string[]).includes(x),
  );
  const live = r.live;
  const failing = live?.pendingActivities.filter((a) => a.attempt > 1).sort((a, b) => b.attempt - a.attempt)[0];
  const status = live === null ? 'unknown' : live ? live.status : 'running';
  const running = status === 'running';
  // A benefit case already paying is ended by "terminate enrollment" (which stops payments), never by killing its workflow.
  const paying = r.kind === 'benefit' && !!r.stage && enrolledBenefitStages.includes(r.stage as never);
  const actions = allowedSupervisorActions(role, {
    kind: r.kind,
    reasons,
    running,
    hasDeadline: r.deadline_at !== null,
  }).filter((a) => !(a === 'terminate' && paying));
  return {
    id: r.id,
    kind: r.kind,
    caseId: r.case_key,
    caseLink: caseLink(r.kind, r.case_id),
    stage: r.stage,
    since: iso(r.stuck_since),
    deadlineAt: iso(r.deadline_at),
    reason: mainReason(reasons) ?? null,
    reasons,
    attempts: failing?.attempt ?? (live && live.workflowTaskAttempt > 1 ? live.workflowTaskAttempt : r.attempts),
    lastError: failing?.lastError ?? r.last_error,
    activityType: failing?.activityType ?? r.activity_type,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    streetId: r.street_id,
    streetName: r.street_name,
    communityName: r.community_name,
    status,
    temporalUrl: temporalUrl(env, r.id),
    detail: r.detail,
    allowedActions: actions,
  };
}

export function stuckListSpec(env: Env, temporal: Client, role: Role): ListSpec<StuckRow> {
  return {
    resource: 'workflows',
    idColumn: 's.id',
    sortable: { since: 's.stuck_since', deadlineAt: 's.deadline_at', kind: 's.kind', id: 's.id' },
    defaultSort: ['since', 'ASC'],
    filters: stuckFilters,
    toApi: (r) => stuckToApi(env, role, r),
    enrich: (rows) => withLiveState(temporal, rows),
  };
}
