import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { z } from 'zod';
import type { Env } from '../../config/env.js';
import type { scheduleStatusSchema } from '../../contract/disbursement-schedule.js';
import { NotFoundError } from '../../domain/errors.js';

// The monthly Schedule as people see it: when it fires next, whether it is paused and why.
// Temporal holds all of it; nothing is in PostgreSQL.

export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>;

export async function scheduleStatus(temporal: Client, env: Env): Promise<ScheduleStatus> {
  const scheduleId = env.SHEQU_DISBURSEMENT_SCHEDULE_ID;
  const d = await temporal.schedule
    .getHandle(scheduleId)
    .describe()
    .catch((err: unknown) => {
      // The API creates it at start; a deployment that has not must say so, not answer 500.
      if (err instanceof ScheduleNotFoundError)
        throw new NotFoundError(
          `每月发放计划尚未建立 (the monthly Schedule ${scheduleId} does not exist yet; the API creates it when it starts)`,
        );
      throw err;
    });
  return {
    scheduleId,
    paused: d.state.paused,
    note: d.state.note ?? null,
    nextRunAt: d.info.nextActionTimes.slice(0, 3).map((t) => t.toISOString()),
    recentRuns: d.info.recentActions.slice(-5).map((a) => ({
      scheduledAt: a.scheduledAt.toISOString(),
      startedAt: a.takenAt.toISOString(),
      workflowId: a.action.workflow.workflowId,
    })),
    calendar: `每月${env.SHEQU_DISBURSEMENT_DAY}日 ${String(env.SHEQU_DISBURSEMENT_HOUR).padStart(2, '0')}:00 (Asia/Shanghai)`,
    dayOfMonth: env.SHEQU_DISBURSEMENT_DAY,
    hour: env.SHEQU_DISBURSEMENT_HOUR,
    timezone: 'Asia/Shanghai',
  };
}
