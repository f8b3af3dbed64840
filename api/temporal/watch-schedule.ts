import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '../../config/env.js';
import { ensureSchedule } from './schedules.js';

/** The Schedule that runs the reconciliation pass (workflows/watch.ts) every SHEQU_WATCH_SECONDS; a firing while a pass still runs is skipped. */
export function ensureWatchSchedule(temporal: Client, env: Env): Promise<'created' | 'updated'> {
  return ensureSchedule(temporal, {
    scheduleId: env.SHEQU_WATCH_SCHEDULE_ID,
    spec: { intervals: [{ every: `${env.SHEQU_WATCH_SECONDS} seconds` }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'watchWorkflows',
      workflowId: `${env.SHEQU_WORKFLOW_ID_PREFIX}watch-workflows`,
      taskQueue: env.SHEQU_TASK_QUEUE,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    note: '流程巡检 (projection and workflow reconciliation)',
  });
}
