import type { RaRecord } from 'react-admin';

// Shapes of GET /api/workflows (a stuck case workflow, as the supervisor sees it). Mirrors the
// API's contract by hand: the console does not import server code.

export const workflowKinds = ['benefit', 'disbursement', 'referral', 'volunteer'] as const;
export type WorkflowKind = (typeof workflowKinds)[number];

/** Why a workflow is listed: past its deadline, an activity or workflow task failing, a sign-off waiting, the record and the workflow disagreeing. */
export const stuckReasons = [
  'overdue',
  'failing_activity',
  'failing_workflow_task',
  'waiting_signoff',
  'drift',
] as const;
export type StuckReason = (typeof stuckReasons)[number];

export const workflowActions = ['reassign', 'extend', 'remind', 'retry', 'terminate'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export type WorkflowStatus =
  'running' | 'completed' | 'failed' | 'terminated' | 'canceled' | 'timed_out' | 'continued_as_new' | 'unknown';

export interface Workflow extends RaRecord {
  /** The Temporal workflow id ("benefit-12", perhaps with a deployment prefix). */
  id: string;
  /** Null for a workflow that is not a case (the API could not tell). */
  kind: WorkflowKind | null;
  caseId: string | null;
  /** A console route to the case ("/applications/12/show"), null when it has no page. */
  caseLink: string | null;
  stage: string | null;
  since: string | null;
  deadlineAt: string | null;
  /** The main reason; `reasons` has all of them (null, empty: not stuck any more). */
  reason: StuckReason | string | null;
  reasons: (StuckReason | string)[];
  attempts: number | null;
  lastError: string | null;
  activityType: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  streetId: number | null;
  streetName: string | null;
  communityName: string | null;
  status: WorkflowStatus;
  temporalUrl: string;
  detail: string | null;
  allowedActions: WorkflowAction[];
}

/** A supervisor's earlier step on this workflow. */
export interface Intervention {
  action: WorkflowAction | string;
  reason: string | null;
  actorName: string | null;
  at: string;
}

export interface WorkflowDetail extends Workflow {
  interventions?: Intervention[];
}

/** Who a stuck case may be handed to (GET /api/workflows/:id/assignees). */
export interface Assignee {
  id: number;
  fullName: string;
  username: string;
}

// The supervisor's action bodies: the API's own schemas (contract/).
export type { ExtendBody, ReassignBody } from '../../../contract/supervision-actions';
