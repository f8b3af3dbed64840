import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '../../config/env.js';
import { visitPolicy } from '../../config/visit-policy.js';
import type { visitPlanning } from '../../workflows/visit-planning.js';
import { ensureSchedule } from './schedules.js';

/**
 * The Schedule that runs the visit-planning pass (workflows/visit-planning.ts) once every policy
 * day (SHEQU_DAY_SECONDS); a firing while a pass still runs is skipped, and one missed while
 * everything was down is not caught up: the next pass does what came due meanwhile.
 */
export function ensureVisitSchedule(temporal: Client, env: Env): Promise<'created' | 'updated'> {
  return ensureSchedule(temporal, {
    scheduleId: env.SHEQU_VISIT_SCHEDULE_ID,
    spec: { intervals: [{ every: `${Math.max(1, Math.round(env.SHEQU_DAY_SECONDS))} seconds` }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'visitPlanning',
      workflowId: `${env.SHEQU_WORKFLOW_ID_PREFIX}visit-planning`,
      taskQueue: env.SHEQU_TASK_QUEUE,
      args: [{ policy: visitPolicy(env) }] as Parameters<typeof visitPlanning>,
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    note: '上门探访计划',
  });
}
