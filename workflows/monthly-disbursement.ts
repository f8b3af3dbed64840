import { ParentClosePolicy, startChild, workflowInfo, WorkflowIdReusePolicy } from '@temporalio/workflow';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/common';
import { disbursementWorkflowId, periodAt } from '../domain/disbursement.js';
import type { DisbursementPolicy } from './disbursement-messages.js';
import { disbursementRun } from './disbursement-run.js';

// What the `monthly-disbursement` Schedule starts each month: it starts that period's run under
// its fixed id and leaves it running. A run for the period that exists already (started by hand,
// or by an earlier firing) is left alone: one run per period, whoever asks first.

// Set by the Schedule: the time this firing was due, even when it runs late (catch-up).
const scheduledStart = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export async function monthlyDisbursement({
  policy,
  paymentsQueue,
  idPrefix = '',
}: {
  policy: DisbursementPolicy;
  paymentsQueue: string;
  idPrefix?: string;
}): Promise<string> {
  const scheduled = workflowInfo().typedSearchAttributes.get(scheduledStart);
  const period = periodAt(scheduled ?? workflowInfo().startTime);
  const workflowId = disbursementWorkflowId(period, idPrefix);
  try {
    await startChild(disbursementRun, {
      workflowId,
      taskQueue: paymentsQueue,
      args: [{ period, trigger: 'schedule', policy }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return `started ${workflowId}`;
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return `${workflowId} exists already`;
    throw e;
  }
}
