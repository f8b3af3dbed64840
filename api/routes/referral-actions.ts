import { Router } from 'express';
import { z } from 'zod';
import * as msg from '../../workflows/referral-messages.js';
import { actorOf } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { idParam } from '../http/simple-rest.js';
import { referralDetailSchema } from '../../contract/referrals.js';
import { findOpenReferral, referralDetail } from '../read-models/referrals.js';
import { signalOpeningsChanged } from '../temporal/referral-start.js';
import {
  assessBody,
  followUpBody,
  outcomeBody,
  proposeBody,
  referralWithdrawBody,
  rematchBody,
  respondBody,
} from '../../contract/referral-actions.js';

// The human steps of a referral. Each is a Workflow Update: the workflow's validator decides
// whether this person may take this step now (403 / 409 / 400); the answer is the referral as
// it stands after the step.

export function referralActionRoutes({ registry, db, temporal, updateCase }: RouteContext): Router {
  const router = Router();
  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    send: (workflowId: string, args: z.infer<B> & { actor: msg.Actor }) => Promise<unknown>,
    opts: { after?: () => Promise<unknown>; refs?: References } = {},
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/referrals/:id/${path}`,
        tag: 'referrals',
        summary,
        body,
        refs: opts.refs,
        response: referralDetailSchema,
      },
      async ({ user, params, body: b }) => {
        const row = await findOpenReferral(db, user, idParam(params.id));
        await send(row.workflow_id, { ...(b as object), actor: actorOf(user) } as z.infer<B> & { actor: msg.Actor });
        await opts.after?.();
        return referralDetail(db, user, row.id);
      },
    );

  act(
    'assess',
    'Intake: record the skills assessment and assign the one-to-one helper; matching starts',
    assessBody,
    (wf, { actor, helperId, notes, ...profile }) =>
      updateCase(wf, msg.assessUpdate, { actor, helperId, assessment: { ...profile, notes } }),
    { refs: { helperId: refs.seekerHelper } },
  );
  act('rematch', 'Rank the open openings again', rematchBody, (wf, a) => updateCase(wf, msg.rematchUpdate, a));
  act('propose', 'Propose one opening to the seeker', proposeBody, (wf, a) => updateCase(wf, msg.proposeUpdate, a), {
    refs: { openingId: refs.openJobOpening },
  });
  act(
    'respond',
    'The seeker accepts the proposal (interview time and place) or declines it (reason)',
    respondBody,
    (wf, a) => updateCase(wf, msg.respondUpdate, a),
  );
  // A hire may take an opening's last place: referrals still matching rank again without it.
  act(
    'outcome',
    'Interview outcome: hired (wage, start date; takes one place from the opening) or not hired (reason; back to matching)',
    outcomeBody,
    (wf, a) => updateCase(wf, msg.outcomeUpdate, a),
    { after: () => signalOpeningsChanged(db, temporal) },
  );
  act(
    'follow-ups',
    'Record a 1-, 3- or 6-month follow-up: retained, or left (reason; matching starts again)',
    followUpBody,
    (wf, a) => updateCase(wf, msg.followUpUpdate, a),
  );
  act('withdraw', 'Withdraw the referral, with a reason', referralWithdrawBody, (wf, a) =>
    updateCase(wf, msg.withdrawReferralUpdate, a),
  );
  return router;
}
