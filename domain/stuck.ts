import { accessPolicy } from './access-policy.js';
import type { Role } from './roles.js';
import { workflowKinds, type WorkflowKind } from './search-attributes.js';

// Why a workflow is "stuck", as supervisors see it, and what they may do about it. The reasons
// are listed most urgent first: a workflow with several shows the first as its main reason.

export const stuckReasons = [
  'failing_workflow_task',
  'failing_activity',
  'drift',
  'waiting_signoff',
  'overdue',
] as const;
export type StuckReason = (typeof stuckReasons)[number];

/** An activity counts as failing from its 3rd attempt: two failures in a row are not a blip. */
export const FAILING_ACTIVITY_ATTEMPT = 3;

export const supervisorActions = ['reassign', 'extend', 'remind', 'retry', 'terminate'] as const;
export type SupervisorAction = (typeof supervisorActions)[number];

export const supervisorRoles: readonly Role[] = accessPolicy.workflows.reassign.roles;
/** Who may read the stuck list: supervisors act, the others look over their shoulder. */
export const stuckReaderRoles: readonly Role[] = accessPolicy.workflows.list.roles;

export function mainReason(reasons: readonly string[]): StuckReason | undefined {
  return stuckReasons.find((r) => reasons.includes(r));
}

/** `benefit-12` (after the deployment's prefix) → its kind and case; undefined for workflows that are not cases. */
export function parseWorkflowId(workflowId: string, prefix = ''): { kind: WorkflowKind; caseKey: string } | undefined {
  if (!workflowId.startsWith(prefix)) return undefined;
  const rest = workflowId.slice(prefix.length);
  const kind = workflowKinds.find((k) => rest.startsWith(`${k}-`));
  return kind ? { kind, caseKey: rest.slice(kind.length + 1) } : undefined;
}

/**
 * What a supervisor may do to a stuck workflow of this kind. A disbursement run is never
 * terminated from here: it may have half its bank files out, and a new run for the period
 * would pay again; its failed lines are resolved on the run's own page.
 */
export function allowedSupervisorActions(
  role: Role,
  o: { kind: WorkflowKind | null; reasons: readonly string[]; running: boolean; hasDeadline: boolean },
): SupervisorAction[] {
  if (!supervisorRoles.includes(role) || !o.running) return [];
  const actions: SupervisorAction[] = ['remind'];
  if (o.kind === 'benefit' || o.kind === 'referral') actions.unshift('reassign');
  if ((o.kind === 'benefit' || o.kind === 'referral') && o.hasDeadline) actions.push('extend');
  if (o.reasons.includes('failing_activity')) actions.push('retry');
  if (o.kind !== 'disbursement') actions.push('terminate');
  return actions;
}

/** The console page of the case a workflow runs. */
export function caseLink(kind: string | null, caseId: number | string | null): string | null {
  if (caseId == null) return null;
  const resource = (
    {
      benefit: 'applications',
      referral: 'referrals',
      volunteer: 'volunteers',
      disbursement: 'disbursement-runs',
    } as Record<string, string>
  )[kind ?? ''];
  return resource ? `/${resource}/${caseId}/show` : null;
}
