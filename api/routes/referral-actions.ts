import { Router } from 'express';
import { z } from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { closedReferralStages, educationLevels, followUpOutcomes } from '../../domain/referral-stages.js';
import * as msg from '../../workflows/referral-messages.js';
import { actorOf } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { skillList, recordId } from '../http/fields.js';
import { idParam } from '../http/simple-rest.js';
import { referralDetail, referralDetailSchema, findReferral } from '../read-models/referrals.js';
import { signalOpeningsChanged } from '../temporal/referral-start.js';

// The human steps of a referral. Each is a Workflow Update: the workflow's validator decides
// whether this person may take this step now (403 / 409 / 400); the answer is the referral as
// it stands after the step.

const text = (max: number) => z.string().trim().max(max);
const fen = z.number().int('以分为单位的整数 (whole fen)').min(0, '不能为负 (cannot be negative)').max(100_000_000);

const assessBody = z.object({
  education: z.enum(educationLevels),
  skills: skillList,
  experience: text(2000).default(''),
  maxHoursPerWeek: z.number().int().min(1).max(84).nullable().default(null),
  noPhysicalWork: z.boolean().default(false),
  expectedWageFen: fen.nullable().default(null),
  constraintsNote: text(500).default(''),
  notes: text(2000).default(''),
  helperId: recordId('请指定一助一帮扶人 (assign a helper)'),
});
const rematchBody = z.object({ reason: text(500).default('') });
const proposeBody = z.object({ openingId: recordId(), comment: text(1000).default('') });
const respondBody = z.object({
  accepted: z.boolean(),
  reason: text(500).default(''),
  interviewAt: z.iso.datetime({ offset: true, message: '面试时间格式无效 (ISO date-time)' }).optional(),
  place: text(200).optional(),
});
const outcomeBody = z.object({
  hired: z.boolean(),
  reason: text(500).default(''),
  wageFen: fen.optional(),
  startDate: z.iso.date('日期格式 YYYY-MM-DD (date)').optional(),
});
const followUpBody = z.object({
  month: z.union([z.literal(1), z.literal(3), z.literal(6)]),
  outcome: z.enum(followUpOutcomes),
  reason: text(500).default(''),
});
const withdrawBody = z.object({ reason: text(500).min(1, '请填写撤回原因 (reason required)') });

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
        const row = await findReferral(db, user, idParam(params.id));
        if (closedReferralStages.includes(row.stage))
          throw new ConflictError(`推荐已结束（${row.stage}），不能再操作 (referral is closed: ${row.stage})`);
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
  act('withdraw', 'Withdraw the referral, with a reason', withdrawBody, (wf, a) =>
    updateCase(wf, msg.withdrawReferralUpdate, a),
  );
  return router;
}
