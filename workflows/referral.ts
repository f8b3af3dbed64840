import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { closedReferralStages, searchingStages, type ReferralStage } from '../domain/referral-stages.js';
import { incomeEventSignal } from './benefit-case-messages.js';
import * as msg from './referral-messages.js';
import type { Actor, PendingIncomeEvent, ReferralInput, ReferralState } from './referral-messages.js';
import {
  checkAssess,
  checkFollowUp,
  checkOutcome,
  checkPropose,
  checkReferralAction,
  checkRespond,
} from './referral-rules.js';
import { requireText } from './benefit-case-rules.js';
import { caseActivityOptions } from './activity-options.js';
import { CaseKernel, type Timer } from './case-kernel.js';
import { superviseCase } from './case-supervision.js';

// A laid-off worker's referral `referral-<id>`: intake → matching → proposed → interview →
// placed → follow-ups at 1, 3 and 6 months → closed. The workflow owns the state; activities
// echo each transition into the database. One loop runs Updates' steps, the ranking and the
// timers (placement deadline, interview reminder, follow-ups) one at a time.

const acts = proxyActivities<Activities>(caseActivityOptions);

/** Policy days a caseworker has to invite back a household that left dibao through work. */
const INVITATION_DAYS = 10;
/** Policy days a caseworker has to review a dibao member's refused offers (§45). */
const REFUSAL_REVIEW_DAYS = 10;

export async function referral(input: ReferralInput): Promise<ReferralState> {
  const { referralId, policy } = input;
  const state: ReferralState = input.resume ?? {
    referralId,
    communityPath: '',
    stage: 'referred',
    stageSince: null,
    deadlineAt: null,
    overdue: false,
    helperId: null,
    proposedOpeningId: null,
    interview: null,
    placement: null,
    followUps: [],
    excludedOpenings: [],
    rankAgain: false,
    seq: 0,
  };
  const kernel = new CaseKernel(state, { resumed: !!input.resume, historyLimit: policy.historyLimit });
  const publish = () => kernel.publish();
  const days = (n: number) => policyDaysToMs(n, policy.daySeconds);
  const inDays = (n: number) => new Date(Date.now() + days(n)).toISOString();

  // A placement's wage reaches the household's dibao case (if it has one) through the loop, so
  // the caseworker's Update answers without waiting for it. Runs recorded before this patch sent
  // nothing: replaying them must not schedule the lookup.
  function queueIncome(e: PendingIncomeEvent) {
    if (!patched('income-events-to-dibao')) return;
    state.incomeOutbox = [...(state.incomeOutbox ?? []), e];
  }
  async function sendIncome() {
    const [next, ...rest] = state.incomeOutbox!;
    const target = await acts.incomeEventFor({
      referralId,
      placementId: next.placementId,
      kind: next.kind,
      wageFen: next.wageFen,
      eventId: next.eventId,
      taskDays: INVITATION_DAYS,
      daySeconds: policy.daySeconds,
    });
    if (target) {
      try {
        await getExternalWorkflowHandle(`benefit-${target.applicationId}`).signal(incomeEventSignal, target.event);
      } catch {
        // The case closed between the lookup and the signal: its income_events row stays 'sent',
        // which the invariant query shows; there is no allowance left to adjust.
      }
    }
    state.incomeOutbox = rest;
  }

  /** Records one transition; `deadlineAt` stays the placement deadline while the seeker searches. */
  async function move(
    to: ReferralStage,
    decision: string,
    actor: Actor | null,
    o: { comment?: string; details?: Record<string, unknown>; patch?: Record<string, unknown> } = {},
  ) {
    const deadlineAt = searchingStages.includes(to) ? state.deadlineAt : null;
    const overdue = deadlineAt !== null && state.overdue;
    const r = await kernel.numbered((seq) =>
      acts.referralTransition({ referralId, seq, from: state.stage, to, decision, actor, deadlineAt, overdue, ...o }),
    );
    Object.assign(state, { stage: to, stageSince: r.at, deadlineAt, overdue });
    if (to === 'matching') state.rankAgain = true;
    publish();
  }

  const perform = (run: () => Promise<void>) => kernel.perform(run);
  const guard = (check: () => void) => kernel.guard(check);
  const isBusy = () => kernel.busy;

  setHandler(msg.referralStateQuery, () => state);
  setHandler(
    msg.assessUpdate,
    ({ actor, assessment, helperId }) =>
      perform(async () => {
        const r = await kernel.numbered((seq) =>
          acts.assessReferral({
            referralId,
            seq,
            actor,
            assessment,
            helperId,
            deadlineAt: state.deadlineAt,
            overdue: state.overdue,
          }),
        );
        Object.assign(state, { stage: 'matching', stageSince: r.at, helperId, rankAgain: true });
        publish();
      }),
    { validator: (r) => guard(() => checkAssess(state, r, isBusy())) },
  );
  setHandler(msg.rematchUpdate, () => perform(async () => void (state.rankAgain = true)), {
    validator: (r) => guard(() => checkReferralAction(state, r.actor, 'rematch', isBusy())),
  });
  setHandler(
    msg.proposeUpdate,
    ({ actor, openingId, comment }) =>
      perform(async () => {
        const r = await kernel.numbered((seq) =>
          acts.proposeOpening({
            referralId,
            seq,
            actor,
            openingId,
            comment,
            deadlineAt: state.deadlineAt,
            overdue: state.overdue,
          }),
        );
        Object.assign(state, { stage: 'proposed', stageSince: r.at, proposedOpeningId: openingId });
        publish();
      }),
    { validator: (r) => guard(() => checkPropose(state, r, isBusy())) },
  );
  setHandler(
    msg.respondUpdate,
    ({ actor, accepted, reason, reasonKind, interviewAt, place }) =>
      perform(async () => {
        const openingId = state.proposedOpeningId!;
        if (!accepted) {
          state.excludedOpenings = [...state.excludedOpenings, openingId];
          await move('matching', 'decline', actor, {
            comment: reason,
            details: reasonKind ? { openingId, reasonKind } : { openingId },
            patch: { proposed_opening_id: null, declined_opening_ids: state.excludedOpenings },
          });
          state.proposedOpeningId = null;
          // §45: once the decline is recorded, a dibao member's third unjustified refusal in a row
          // becomes a review task (never a reduction). Its own activity, not the decline's: that
          // is the generic transition activity every step shares, and teaching it one decision's
          // side effect would hide the rule there. A new activity is a new command, so runs
          // recorded before this patch (declines that raised nothing) replay without it.
          if (patched('refusal-review'))
            await acts.reviewRefusals({
              referralId,
              seq: state.seq,
              taskDays: REFUSAL_REVIEW_DAYS,
              daySeconds: policy.daySeconds,
            });
          return;
        }
        const r = await kernel.numbered((seq) =>
          acts.scheduleInterview({
            referralId,
            seq,
            actor,
            openingId,
            interviewAt: interviewAt!,
            place: place!,
            deadlineAt: state.deadlineAt,
            overdue: state.overdue,
          }),
        );
        Object.assign(state, {
          stage: 'interview',
          stageSince: r.at,
          interview: { id: r.interviewId, openingId, at: interviewAt!, reminded: false },
        });
        publish();
      }),
    { validator: (r) => guard(() => checkRespond(state, r, isBusy(), Date.now())) },
  );
  setHandler(
    msg.outcomeUpdate,
    ({ actor, hired, reason, wageFen, startDate }) =>
      perform(async () => {
        const interview = state.interview!;
        if (!hired) {
          state.excludedOpenings = [...state.excludedOpenings, interview.openingId];
          const r = await kernel.numbered((seq) =>
            acts.interviewNotHired({
              referralId,
              seq,
              actor,
              interviewId: interview.id,
              reason,
              excluded: state.excludedOpenings,
              deadlineAt: state.deadlineAt,
              overdue: state.overdue,
            }),
          );
          Object.assign(state, {
            stage: 'matching',
            stageSince: r.at,
            interview: null,
            proposedOpeningId: null,
            rankAgain: true,
          });
          publish();
          return;
        }
        // A refusal here (the last place went to someone else) fails this Update only: the
        // referral stays in `interview`.
        const r = await kernel.numbered((seq) =>
          acts.placeSeeker({
            referralId,
            seq,
            actor,
            interviewId: interview.id,
            wageFen: wageFen!,
            startDate: startDate!,
          }),
        );
        // Follow-ups count from the start date, or from now when the seeker already started.
        const base = Math.max(Date.now(), Date.parse(`${startDate}T00:00:00+08:00`));
        Object.assign(state, {
          stage: 'placed',
          stageSince: r.at,
          deadlineAt: null,
          overdue: false,
          placement: { id: r.placementId, openingId: interview.openingId, startDate: startDate!, wageFen: wageFen! },
          followUps: policy.followUpDays.map((f) => ({
            month: f.month,
            dueAt: new Date(base + days(f.days)).toISOString(),
            opened: false,
            outcome: null,
          })),
        });
        queueIncome({
          eventId: `placement-${r.placementId}`,
          placementId: r.placementId,
          kind: 'placed',
          wageFen: wageFen!,
        });
        publish();
      }),
    { validator: (r) => guard(() => checkOutcome(state, r, isBusy())) },
  );
  setHandler(
    msg.followUpUpdate,
    ({ actor, month, outcome, reason, wageFen }) =>
      perform(async () => {
        const f = state.followUps.find((x) => x.month === month)!;
        const placement = state.placement!;
        const last = month === state.followUps[state.followUps.length - 1].month;
        const to: ReferralStage = outcome === 'left' ? 'matching' : last ? 'closed' : 'placed';
        // Leaving the job starts a new search, with a new placement deadline.
        if (to === 'matching') Object.assign(state, { deadlineAt: inDays(policy.placementDays), overdue: false });
        const r = await kernel.numbered((seq) =>
          acts.recordFollowUp({
            referralId,
            seq,
            actor,
            placementId: state.placement!.id,
            month,
            outcome,
            reason,
            from: state.stage,
            to,
            deadlineAt: to === 'matching' ? state.deadlineAt : null,
            ...(wageFen !== undefined ? { wageFen } : {}),
          }),
        );
        f.outcome = outcome;
        const changed = wageFen !== undefined && wageFen !== placement.wageFen;
        queueIncome({
          eventId: `follow-up-${placement.id}-${month}`,
          placementId: placement.id,
          kind: outcome === 'left' ? 'left' : changed ? 'wage_changed' : 'retained',
          wageFen: outcome === 'left' ? 0 : (wageFen ?? placement.wageFen ?? 0),
        });
        if (changed && to === 'placed') state.placement = { ...placement, wageFen };
        Object.assign(state, { stage: to, stageSince: r.at });
        if (to === 'matching')
          Object.assign(state, { placement: null, followUps: [], interview: null, rankAgain: true });
        publish();
      }),
    { validator: (r) => guard(() => checkFollowUp(state, r, isBusy())) },
  );
  setHandler(
    msg.withdrawReferralUpdate,
    ({ actor, reason }) =>
      perform(async () => {
        const r = await kernel.numbered((seq) =>
          acts.withdrawReferral({ referralId, seq, actor, from: state.stage, reason }),
        );
        Object.assign(state, { stage: 'withdrawn', stageSince: r.at, deadlineAt: null, overdue: false });
        publish();
      }),
    {
      validator: (r) =>
        guard(() => {
          checkReferralAction(state, r.actor, 'withdraw', isBusy());
          requireText(r.reason, 'reason', '撤回原因');
        }),
    },
  );
  superviseCase(kernel, {
    kind: 'referral',
    caseId: referralId,
    record: acts.recordSupervision,
    closed: () => closedReferralStages.includes(state.stage),
    extendable: () => state.deadlineAt !== null && searchingStages.includes(state.stage),
  });
  setHandler(msg.openingsChangedSignal, () => {
    if (state.stage === 'matching') state.rankAgain = true;
  });

  if (!input.resume) {
    const loaded = await acts.loadReferral({ referralId });
    Object.assign(state, loaded);
    if (state.stage === 'referred') {
      state.deadlineAt = inDays(policy.placementDays);
      await move('intake', 'received', null);
    } else publish();
    kernel.ready();
  }

  // The next durable timer: the placement deadline, the interview reminder or a follow-up.
  function nextTimer(): Timer | undefined {
    const timers: Timer[] = [];
    const deadline = state.deadlineAt;
    if (deadline && !state.overdue && searchingStages.includes(state.stage)) {
      timers.push({
        at: Date.parse(deadline),
        fire: async () => {
          await acts.markReferralOverdue({ referralId, stage: state.stage, deadlineAt: deadline });
          state.overdue = true;
          publish();
        },
      });
    }
    const interview = state.interview;
    if (state.stage === 'interview' && interview && !interview.reminded) {
      timers.push({
        at: Date.parse(interview.at) - days(policy.reminderDays),
        fire: async () => {
          await acts.remindInterview({ referralId, interviewId: interview.id, interviewAt: interview.at });
          interview.reminded = true;
        },
      });
    }
    const followUp = state.stage === 'placed' ? state.followUps.find((f) => !f.opened) : undefined;
    if (followUp && state.placement) {
      const placementId = state.placement.id;
      timers.push({
        at: Date.parse(followUp.dueAt),
        fire: async () => {
          await acts.openFollowUp({ referralId, placementId, month: followUp.month, dueAt: followUp.dueAt });
          followUp.opened = true;
        },
      });
    }
    return timers.sort((a, b) => a.at - b.at)[0];
  }

  async function rank() {
    state.rankAgain = false;
    await kernel.numbered((seq) => acts.rankReferral({ referralId, seq, excluded: state.excludedOpenings }));
  }

  return kernel.run({
    closed: () => closedReferralStages.includes(state.stage),
    work: () =>
      kernel.steps.pending
        ? undefined
        : state.incomeOutbox?.length
          ? sendIncome
          : state.stage === 'matching' && state.rankAgain
            ? rank
            : undefined,
    wakeWhen: () => (state.stage === 'matching' && state.rankAgain) || !!state.incomeOutbox?.length,
    nextTimer,
    continueAsNew: () => continueAsNew<typeof referral>({ referralId, policy, resume: state }),
  });
}
