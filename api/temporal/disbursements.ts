import { type Client, ScheduleOverlapPolicy, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { disbursementPolicy } from '../../config/disbursement-policy.js';
import type { Env } from '../../config/env.js';
import { disbursementWorkflowId } from '../../domain/disbursement.js';
import type { disbursementRun } from '../../workflows/disbursement-run.js';
import type { monthlyDisbursement } from '../../workflows/monthly-disbursement.js';
import { ensureSchedule } from './schedules.js';

// Starting runs and keeping the monthly Schedule as configured. Both are safe to repeat.

function scheduleSpec(env: Env) {
  return {
    spec: {
      calendars: [{ dayOfMonth: env.SHEQU_DISBURSEMENT_DAY, hour: env.SHEQU_DISBURSEMENT_HOUR, minute: 0 }],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow' as const,
      workflowType: 'monthlyDisbursement',
      workflowId: `${env.SHEQU_DISBURSEMENT_SCHEDULE_ID}-trigger`,
      taskQueue: env.SHEQU_PAYMENTS_TASK_QUEUE,
      args: [
        {
          policy: disbursementPolicy(env),
          paymentsQueue: env.SHEQU_PAYMENTS_TASK_QUEUE,
          idPrefix: env.SHEQU_WORKFLOW_ID_PREFIX,
        },
      ] as Parameters<typeof monthlyDisbursement>,
    },
    // A month missed while everything was down still runs when it comes back (within 20 days);
    // a firing while the last one is still starting is skipped.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '20 days' },
  };
}

/** Creates the Schedule, or brings an existing one to the configured calendar (keeping its paused state). */
export function ensureDisbursementSchedule(temporal: Client, env: Env): Promise<'created' | 'updated'> {
  return ensureSchedule(temporal, {
    scheduleId: env.SHEQU_DISBURSEMENT_SCHEDULE_ID,
    ...scheduleSpec(env),
    note: '每月发放 (monthly disbursement)',
  });
}

/** Starts the period's run, or finds the one that exists: never a second run for a period. */
export async function startDisbursementRun(
  temporal: Client,
  env: Env,
  period: string,
  startedBy: number,
): Promise<'started' | 'existing'> {
  try {
    await temporal.workflow.start<typeof disbursementRun>('disbursementRun', {
      workflowId: disbursementWorkflowId(period, env.SHEQU_WORKFLOW_ID_PREFIX),
      taskQueue: env.SHEQU_PAYMENTS_TASK_QUEUE,
      args: [{ period, trigger: 'manual', startedBy, policy: disbursementPolicy(env) }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
    });
    return 'started';
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return 'existing';
    throw e;
  }
}
