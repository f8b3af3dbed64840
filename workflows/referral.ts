import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { closedReferralStages, searchingStages, type ReferralStage } from '../domain/referral-stages.js';
import { refuseWith } from './failures.js';
import * as msg from './referral-messages.js';
import type { Actor, ReferralInput, ReferralState } from './referral-messages.js';
import {
  checkAssess,
  checkFollowUp,
  checkOutcome,
  checkPropose,
  checkReferralAction,
  checkRespond,
} from './referral-rules.js';
import { requireText } from './benefit-case-rules.js';
import { sa } from './search-attributes.js';
import { StepQueue } from './step-queue.js';
import * as sup from './supervision-messages.js';
import { checkExtend, checkReassign } from './supervision-rules.js';
import { caseActivityOptions } from './activity-options.js';

// A laid-off worker's referral `referral-<id>`: intake → matching → proposed → interview →
// placed → follow-ups at 1, 3 and 6 months → closed. The workflow owns the state; activities
// echo each transition into the database. One loop runs Updates' steps, the ranking and the
// timers (placement deadline, interview reminder, follow-ups) one at a time.

const acts = proxyActivities<Activities>(caseActivityOptions);

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
  const steps = new StepQueue({ busy: !input.resume }); // busy until loaded
  let rollingOver = false;
  const days = (n: number) => policyDaysToMs(n, policy.daySeconds);
  const inDays = (n: number) => new Date(Date.now() + days(n)).toISOString();

  function publish() {
    upsertSearchAttributes([
      { key: sa.stage, value: state.stage },
      { key: sa.stageSince, value: state.stageSince ? new Date(state.stageSince) : null },
      { key: sa.deadline, value: state.deadlineAt ? new Date(state.deadlineAt) : null },
      { key: sa.overdue, value: String(state.overdue) },
    ]);
  }

  /** Records one transition; `deadlineAt` stays the placement deadline while the seeker searches. */
  async function move(
    to: ReferralStage,
    decision: string,
    actor: Actor | null,
    o: { comment?: string; details?: Record<string, unknown>; patch?: Record<string, unknown> } = {},
  ) {
    const seq = state.seq + 1;
    const deadlineAt = searchingStages.includes(to) ? state.deadlineAt : null;
    const overdue = deadlineAt !== null && state.overdue;
    const r = await acts.referralTransition({
      referralId,
      seq,
      from: state.stage,
      to,
      decision,
      actor,
      deadlineAt,
      overdue,
      ...o,
    });
    Object.assign(state, { seq, stage: to, stageSince: r.at, deadlineAt, overdue });
    if (to === 'matching') state.rankAgain = true;
    publish();
  }

  const perform = (run: () => Promise<void>) => steps.perform(run, () => state);
  const guard = (check: () => void) => refuseWith(rollingOver, check);
  const isBusy = () => steps.occupied;

  setHandler(msg.referralStateQuery, () => state);
  setHandler(
    msg.assessUpdate,
    ({ actor, assessment, helperId }) =>
      perform(async () => {
        const seq = state.seq + 1;
        const r = await acts.assessReferral({
          referralId,
          seq,
          actor,
          assessment,
          helperId,
          deadlineAt: state.deadlineAt,
          overdue: state.overdue,
        });
        Object.assign(state, { seq, stage: 'matching', stageSince: r.at, helperId, rankAgain: true });
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
        const seq = state.seq + 1;
        const r = await acts.proposeOpening({
          referralId,
          seq,
          actor,
          openingId,
          comment,
          deadlineAt: state.deadlineAt,
          overdue: state.overdue,
        });
        Object.assign(state, { seq, stage: 'proposed', stageSince: r.at, proposedOpeningId: openingId });
        publish();
      }),
    { validator: (r) => guard(() => checkPropose(state, r, isBusy())) },
  );
  setHandler(
    msg.respondUpdate,
    ({ actor, accepted, reason, interviewAt, place }) =>
      perform(async () => {
        const openingId = state.proposedOpeningId!;
        if (!accepted) {
          state.excludedOpenings = [...state.excludedOpenings, openingId];
          await move('matching', 'decline', actor, {
            comment: reason,
            details: { openingId },
            patch: { proposed_opening_id: null, declined_opening_ids: state.excludedOpenings },
          });
          state.proposedOpeningId = null;
          return;
        }
        const seq = state.seq + 1;
        const r = await acts.scheduleInterview({
          referralId,
          seq,
          actor,
          openingId,
          interviewAt: interviewAt!,
          place: place!,
          deadlineAt: state.deadlineAt,
          overdue: state.overdue,
        });
        Object.assign(state, {
          seq,
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
          const seq = state.seq + 1;
          const r = await acts.interviewNotHired({
            referralId,
            seq,
            actor,
            interviewId: interview.id,
            reason,
            excluded: state.excludedOpenings,
            deadlineAt: state.deadlineAt,
            overdue: state.overdue,
          });
          Object.assign(state, {
            seq,
            stage: 'matching',
            stageSince: r.at,
            interview: null,
            proposedOpeningId: null,
            rankAgain: true,
          });
          publish();
          return;
        }
        const seq = state.seq + 1;
        // A refusal here (the last place went to someone else) fails this Update only: the
        // referral stays in `interview`.
        const r = await acts.placeSeeker({
          referralId,
          seq,
          actor,
          interviewId: interview.id,
          wageFen: wageFen!,
          startDate: startDate!,
        });
        // Follow-ups count from the start date, or from now when the seeker already started.
        const base = Math.max(Date.now(), Date.parse(`${startDate}T00:00:00+08:00`));
        Object.assign(state, {
          seq,
          stage: 'placed',
          stageSince: r.at,
          deadlineAt: null,
          overdue: false,
          placement: { id: r.placementId, openingId: interview.openingId, startDate: startDate! },
          followUps: policy.followUpDays.map((f) => ({
            month: f.month,
            dueAt: new Date(base + days(f.days)).toISOString(),
            opened: false,
            outcome: null,
          })),
        });
        publish();
      }),
    { validator: (r) => guard(() => checkOutcome(state, r, isBusy())) },
  );
  setHandler(
    msg.followUpUpdate,
    ({ actor, month, outcome, reason }) =>
      perform(async () => {
        const f = state.followUps.find((x) => x.month === month)!;
        const last = month === state.followUps[state.followUps.length - 1].month;
        const to: ReferralStage = outcome === 'left' ? 'matching' : last ? 'closed' : 'placed';
        // Leaving the job starts a new search, with a new placement deadline.
        if (to === 'matching') Object.assign(state, { deadlineAt: inDays(policy.placementDays), overdue: false });
        const seq = state.seq + 1;
        const r = await acts.recordFollowUp({
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
        });
        f.outcome = outcome;
        Object.assign(state, { seq, stage: to, stageSince: r.at });
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
        const seq = state.seq + 1;
        const r = await acts.withdrawReferral({ referralId, seq, actor, from: state.stage, reason });
        Object.assign(state, { seq, stage: 'withdrawn', stageSince: r.at, deadlineAt: null, overdue: false });
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
  // A supervisor's new assignee or later placement deadline: a timeline step like any other.
  const answer = (): sup.SupervisionAnswer => ({
    stage: state.stage,
    deadlineAt: state.deadlineAt,
    overdue: state.overdue,
  });
  async function supervise(actor: Actor, reason: string, change: { assigneeId: number } | { deadlineAt: string }) {
    const seq = state.seq + 1;
    await acts.recordSupervision({
      kind: 'referral',
      caseId: referralId,
      seq,
      stage: state.stage,
      actor,
      reason,
      change,
    });
    state.seq = seq;
  }
  setHandler(
    sup.reassignUpdate,
    (r) =>
      steps.perform(async () => {
        await supervise(r.actor, r.reason, { assigneeId: r.assigneeId });
        upsertSearchAttributes([{ key: sa.assignee, value: String(r.assigneeId) }]);
      }, answer),
    {
      validator: (r) =>
        guard(() => checkReassign(r, { closed: closedReferralStages.includes(state.stage), busy: isBusy() })),
    },
  );
  setHandler(
    sup.extendDeadlineUpdate,
    (r) =>
      steps.perform(async () => {
        await supervise(r.actor, r.reason, { deadlineAt: r.deadlineAt });
        Object.assign(state, { deadlineAt: r.deadlineAt, overdue: false });
        publish();
      }, answer),
    {
      validator: (r) =>
        guard(() =>
          checkExtend(r, {
            extendable: state.deadlineAt !== null && searchingStages.includes(state.stage),
            busy: isBusy(),
            now: Date.now(),
          }),
        ),
    },
  );
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
    // Busy until the first transition is recorded: an Update arriving meanwhile is asked to
    // retry (the page may already show the next stage), not refused.
    steps.busy = false;
  }

  // Checked only where the loop resumes after a step, a ranking or a timer: those are events
  // every replay sees. A refused Update's workflow task is dropped from history, so its history
  // length must not decide anything (a predicate checked while waiting would).
  const rollOver = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > policy.historyLimit;

  // The next durable timer: the placement deadline, the interview reminder or a follow-up.
  function nextTimer(): { at: number; fire: () => Promise<void> } | undefined {
    const timers: { at: number; fire: () => Promise<void> }[] = [];
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
    const seq = state.seq + 1;
    await acts.rankReferral({ referralId, seq, excluded: state.excludedOpenings });
    state.seq = seq;
  }

  while (!closedReferralStages.includes(state.stage)) {
    if (state.stage === 'matching' && state.rankAgain && !steps.pending) {
      await steps.exclusively(rank);
      continue;
    }
    if (rollOver() && !steps.pending) {
      steps.busy = rollingOver = true;
      await condition(allHandlersFinished);
      await continueAsNew<typeof referral>({ referralId, policy, resume: state });
    }
    const timer = nextTimer();
    const woke = await condition(
      () => steps.pending || (state.stage === 'matching' && state.rankAgain),
      timer ? Math.max(1, timer.at - Date.now()) : undefined,
    );
    if (steps.pending) await steps.exclusively(() => steps.runPending());
    else if (!woke && timer) await steps.exclusively(timer.fire);
  }
  await condition(allHandlersFinished);
  return state;
}
