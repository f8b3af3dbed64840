import { Router } from 'express';
import { ScheduleNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { scheduleStatusSchema } from '../../contract/disbursement-schedule.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';

// The monthly Schedule as people see it: when it fires next, whether it is paused and why.

export function disbursementScheduleRoutes({ registry, db, temporal, env }: RouteContext): Router {
  const router = Router();
  const SCHEDULE_ID = env.SHEQU_DISBURSEMENT_SCHEDULE_ID;
  const describe = async () => {
    const d = await temporal.schedule
      .getHandle(SCHEDULE_ID)
      .describe()
      .catch((err: unknown) => {
        // The API creates it at start; a deployment that has not must say so, not answer 500.
        if (err instanceof ScheduleNotFoundError)
          throw new NotFoundError(
            `每月发放计划尚未建立 (the monthly Schedule ${SCHEDULE_ID} does not exist yet; the API creates it when it starts)`,
          );
        throw err;
      });
    return {
      scheduleId: SCHEDULE_ID,
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
  };
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-schedule',
      tag: 'disbursement',
      summary: 'The monthly Schedule: next run times, paused or not, with the note',
      response: scheduleStatusSchema,
    },
    describe,
  );
  for (const action of ['pause', 'resume'] as const) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/disbursement-schedule/${action}`,
        tag: 'disbursement',
        summary: `${action === 'pause' ? 'Pause' : 'Resume'} the monthly Schedule, with a note`,
        body: z.object({ note: z.string().trim().min(1, '请填写说明 (note required)').max(300) }),
        response: scheduleStatusSchema,
      },
      async ({ body, user, req }) => {
        const h = temporal.schedule.getHandle(SCHEDULE_ID);
        const note = `${body.note} — ${user.username}`;
        if (action === 'pause') await h.pause(note);
        else await h.unpause(note);
        await writeAudit(
          db,
          { user, requestId: req.requestId },
          {
            action: `disbursement_schedule.${action}`,
            entityType: 'schedule',
            entityId: SCHEDULE_ID,
            after: { note: body.note },
          },
        );
        return describe();
      },
    );
  }
  return router;
}
