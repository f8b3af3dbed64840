import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { assigneeSchema, stuckRowSchema, workflowDetailSchema } from '../../../contract/workflows';
import { workflowKinds, type WorkflowKind } from '../../../domain/search-attributes';

// Shapes of GET /api/workflows (a stuck case workflow, as the supervisor sees it): the API's own
// schemas (contract/workflows.ts).

export { workflowKinds };
export type { WorkflowKind };

/** A row of GET /api/workflows; `id` is the Temporal workflow id ("benefit-12", perhaps with a deployment prefix). */
export type Workflow = z.output<typeof stuckRowSchema> & RaRecord;

/** Why a workflow is listed: past its deadline, an activity or workflow task failing, a sign-off waiting, the record and the workflow disagreeing. */
export type StuckReason = Workflow['reasons'][number];
/** The reasons in the order the console lists them (the domain's is most urgent first). */
export const stuckReasons = [
  'overdue',
  'failing_activity',
  'failing_workflow_task',
  'waiting_signoff',
  'drift',
] as const satisfies readonly StuckReason[];

export type WorkflowAction = Workflow['allowedActions'][number];

type Detail = z.output<typeof workflowDetailSchema>;

/** A supervisor's earlier step on this workflow. */
export type Intervention = Detail['interventions'][number];

/** GET /api/workflows/:id; `interventions` optional: react-admin shows the list's row until the detail arrives. */
export type WorkflowDetail = Workflow & Partial<Pick<Detail, 'interventions'>>;

/** Who a stuck case may be handed to (GET /api/workflows/:id/assignees). */
export type Assignee = z.output<typeof assigneeSchema>;

// The supervisor's action bodies: the API's own schemas (contract/).
export type { ExtendBody, ReassignBody } from '../../../contract/supervision-actions';
