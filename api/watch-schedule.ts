import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '../config/env.js';

// The Schedule that runs the reconciliation pass (workflows/watch.ts) every SHEQU_WATCH_SECONDS.
// Safe to repeat: an existing schedule is brought to the configured interval.

function watchSpec(env: Env) {
  return {
    spec: { intervals: [{ every: `${env.SHEQU_WATCH_SECONDS} seconds` }] },
    action: { type: 'startWorkflow' as const, workflowType: 'watchWorkflows', workflowId: `${env.SHEQU_WORKFLOW_ID_PREFIX}watch-workflows`, taskQueue: env.SHEQU_TASK_QUEUE, args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
  };
}

export async function ensureWatchSchedule(temporal: Client, env: Env): Promise<'created' | 'updated'> {
  const s = watchSpec(env);
  const handle = temporal.schedule.getHandle(env.SHEQU_WATCH_SCHEDULE_ID);
  try {
    await handle.update((prev) => ({ ...prev, spec: s.spec, action: s.action, policies: { ...prev.policies, ...s.policies } }));
    return 'updated';
  } catch (e) {
    if (!(e instanceof ScheduleNotFoundError)) throw e;
  }
  try {
    await temporal.schedule.create({ scheduleId: env.SHEQU_WATCH_SCHEDULE_ID, ...s, state: { note: '流程巡检 (projection and workflow reconciliation)' } });
  } catch (e) {
    if ((e as Error).name !== 'ScheduleAlreadyRunning') throw e;
  }
  return 'created';
}
