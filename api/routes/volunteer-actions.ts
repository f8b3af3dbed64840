import { Router } from 'express';
import { z } from 'zod';
import * as msg from '../../workflows/volunteer-messages.js';
import { actorOf } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { idParam } from '../http/simple-rest.js';
import { findOpenVolunteer, volunteerDetail } from '../read-models/volunteers.js';
import { volunteerDetailSchema } from '../../contract/volunteers.js';
import {
  logHoursBody,
  signUpBody,
  volunteerCommentBody,
  volunteerReasonBody,
} from '../../contract/volunteer-actions.js';

// A volunteer's steps, each a Workflow Update whose validator decides (403 / 409 / 400); the
// answer is the volunteer as she stands after the step.

export function volunteerActionRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();
  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    send: (workflowId: string, actor: msg.Actor, b: z.infer<B>) => Promise<unknown>,
    refs?: References,
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/volunteers/:id/${path}`,
        tag: 'volunteers',
        summary,
        body,
        refs,
        response: volunteerDetailSchema,
      },
      async ({ user, params, body: b }) => {
        const row = await findOpenVolunteer(db, user, idParam(params.id));
        await send(row.workflow_id, actorOf(user), b);
        return volunteerDetail(db, user, row.id);
      },
    );
  const step = (
    name: msg.VolunteerStepName,
    path: string,
    summary: string,
    body: z.ZodType<{ comment?: string; reason?: string }>,
  ) =>
    act(path, summary, body, (wf, actor, b) =>
      updateCase(wf, msg.volunteerStepUpdate, { actor, step: name, comment: b.reason ?? b.comment ?? '' }),
    );

  step('approve', 'approve', 'Approve a screened volunteer: she becomes active', volunteerCommentBody);
  step('reject', 'reject', 'Reject a volunteer, with a reason', volunteerReasonBody);
  step('rescreen', 'rescreen', 'Screen again after the suitability registry did not answer', volunteerCommentBody);
  step('reconfirm', 'reconfirm', 'Record the yearly re-confirmation', volunteerCommentBody);
  step('deactivate', 'deactivate', 'Deactivate, with a reason', volunteerReasonBody);
  step('reactivate', 'reactivate', 'Reactivate, with a reason', volunteerReasonBody);
  act(
    'sign-ups',
    'Sign up for an activity: refused when it is full, overlaps another of hers, or needs a check or skill she lacks',
    signUpBody,
    (wf, actor, b) => updateCase(wf, msg.signUpUpdate, { actor, activityId: b.activityId }),
    { activityId: refs.openVolunteerActivity },
  );
  act(
    'hours',
    'Log the hours of an activity she was assigned to, once it is over',
    logHoursBody,
    (wf, actor, b) => updateCase(wf, msg.logHoursUpdate, { actor, activityId: b.activityId, minutes: b.minutes }),
    { activityId: refs.volunteerActivity },
  );
  return router;
}
