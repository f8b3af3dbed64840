import { Router } from 'express';
import { scheduleNoteBody, scheduleStatusSchema } from '../../contract/disbursement-schedule.js';
import { recordScheduleChange } from '../commands/disbursement-schedule.js';
import type { RouteContext } from '../deps.js';
import { scheduleStatus } from '../read-models/disbursement-schedule.js';

// The monthly Schedule as people see it: when it fires next, whether it is paused and why.

export function disbursementScheduleRoutes({ registry, db, temporal, env }: RouteContext): Router {
  const router = Router();
  const SCHEDULE_ID = env.SHEQU_DISBURSEMENT_SCHEDULE_ID;
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-schedule',
      tag: 'disbursement',
      summary: 'The monthly Schedule: next run times, paused or not, with the note',
      response: scheduleStatusSchema,
    },
    () => scheduleStatus(temporal, env),
  );
  for (const action of ['pause', 'resume'] as const) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/disbursement-schedule/${action}`,
        tag: 'disbursement',
        summary: `${action === 'pause' ? 'Pause' : 'Resume'} the monthly Schedule, with a note`,
        body: scheduleNoteBody,
        response: scheduleStatusSchema,
      },
      async ({ body, user, req }) => {
        const h = temporal.schedule.getHandle(SCHEDULE_ID);
        const note = `${body.note} — ${user.username}`;
        if (action === 'pause') await h.pause(note);
        else await h.unpause(note);
        await recordScheduleChange(db, { user, requestId: req.requestId }, SCHEDULE_ID, action, body.note);
        return scheduleStatus(temporal, env);
      },
    );
  }
  return router;
}
