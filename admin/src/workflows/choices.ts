import { stuckReasons, workflowKinds } from './types';

export const kindChoices = workflowKinds.map((id) => ({ id, name: `shequ.workflow_kind.${id}` }));
export const reasonChoices = stuckReasons.map((id) => ({ id, name: `shequ.workflow_reason.${id}` }));

/** A list URL of stuck workflows with this filter (dashboard links, sidebar). */
export const workflowsUrl = (filter: Record<string, unknown>) =>
  `/workflows?filter=${encodeURIComponent(JSON.stringify(filter))}`;
