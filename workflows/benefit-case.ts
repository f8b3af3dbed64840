import { continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Transition } from '../activities/benefit-transition.js';
import { closedBenefitStages, type BenefitStage } from '../domain/benefit-stages.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { firstOfNextMonth, shanghaiDate } from '../domain/shanghai-date.js';
import * as msg from './benefit-case-messages.js';
import type { Actor, BenefitCaseInput, BenefitCaseState } from './benefit-case-messages.js';
import {
  checkAction,
  checkDecision,
  checkEnrollmentChange,
  checkIncomeDecision,
  requireText,
} from './benefit-case-rules.js';
import { caseActivityOptions } from './activity-options.js';
import { CaseKernel, type Timer } from './case-kernel.js';
import { superviseCase } from './case-supervision.js';

// The dibao case `benefit-<applicationId>`: the workflow owns the state; activities echo each
// transition into the database. The case kernel runs one step at a time, so transitions never
// interleave: an Update hands its step to the loop and waits for it, and a timer (deadline,
// public notice, re-check) fires only while no step is running. Validators refuse a second step
// while one is in flight, which turns a double click into exactly one transition and one 409.

const acts = proxyActivities<Activities>(caseActivityOptions);

/** Income event ids remembered against a resend: far more than one household's placements. */
const INCOME_IDS_KEPT = 200;

type MoveOptions = Pick<Transition, 'comment' | 'details' | 'patch'> & {
  figures?: msg.MemberFigures[];
  recalculate?: boolean;
  requireEligible?: boolean;
  keepDeadline?: boolean;
};

export async function benefitCase(input: BenefitCaseInput): Promise<BenefitCaseState> {
  const { applicationId, policy } = input;
  const state: BenefitCaseState = input.resume ?? {
    applicationId,
    householdId: 0,
    category: 'C',
    communityPath: '',
    stage: 'submitted',
    stageSince: null,
    deadlineAt: null,
    overdue: false,
    memberIds: [],
    blocked: false,
    duplicateOf: [],
    needsVerification: false,
    calculation: null,
    enrollment: null,
    objections: 0,
    seq: 0,
  };
  const kernel = new CaseKernel(state, { resumed: !!input.resume, historyLimit: policy.historyLimit });
  const publish = () => kernel.publish();
  const isBusy = () => kernel.busy;
  const perform = (run: () => Promise<void>) => kernel.perform(run);

  const inDays = (days: number) => new Date(Date.now() + policyDaysToMs(days, policy.daySeconds)).toISOString();
  const deadlineFor = (stage: BenefitStage) =>
    stage === 'public_notice'
      ? inDays(policy.noticeDays)
      : policy.deadlineDays[stage]
        ? inDays(policy.deadlineDays[stage])
        : null;

  function enter(stage: BenefitStage, since: string, deadlineAt: string | null) {
    Object.assign(state, { stage, stageSince: since, deadlineAt, overdue: false });
    publish();
  }

  async function move(to: BenefitStage, decision: string, actor: Actor | null, o: MoveOptions = {}) {
    const deadlineAt = o.keepDeadline ? state.deadlineAt : deadlineFor(to);
    const { keepDeadline: _, ...rest } = o;
    const r = await kernel.numbered((seq) =>
      acts.transition({ applicationId, seq, from: state.stage, to, decision, actor, deadlineAt, ...rest }),
    );
    if (r.calculation) state.calculation = r.calculation;
    enter(to, r.at, deadlineAt);
  }

  async function verify() {
    const v = await acts.verifyHousehold({ applicationId });
    Object.assign(state, {
      calculation: v.calculation,
      memberIds: v.memberIds,
      blocked: v.blocked,
      duplicateOf: v.duplicateOf,
      needsVerification: false,
    });
    if (!v.blocked)
      await move('community_review', 'verified', null, {
        details: { amountFen: v.calculation.amountFen, eligible: v.calculation.eligible },
      });
  }

  async function enroll(actor: Actor, comment: string) {
    const r = await kernel.numbered((seq) =>
      acts.enroll({
        applicationId,
        seq,
        from: state.stage,
        decision: 'approve',
        actor,
        comment,
        deadlineAt: null,
        effectiveFrom: firstOfNextMonth(new Date()),
        nextRecheckAt: inDays(policy.recheckDays[state.category]),
      }),
    );
    Object.assign(state, { enrollment: r.enrollment, calculation: r.calculation, memberIds: r.memberIds });
    enter('enrolled', r.at, null);
  }

  async function changeEnrollment(
    actor: Actor,
    decision: string,
    outcome: 'keep' | 'adjust' | 'suspend' | 'terminate' | 'resume',
    comment: string,
    extra: { figures?: msg.MemberFigures[]; details?: Record<string, unknown> } = {},
  ) {
    const to: BenefitStage = outcome === 'suspend' ? 'suspended' : outcome === 'terminate' ? 'terminated' : 'enrolled';
    const fresh = decision === 'recheck' || state.stage === 'recheck_due' || outcome === 'resume';
    const nextRecheckAt =
      to !== 'enrolled'
        ? null
        : fresh
          ? inDays(policy.recheckDays[state.category])
          : (state.enrollment?.nextRecheckAt ?? null);
    const r = await kernel.numbered((seq) =>
      acts.changeEnrollment({
        applicationId,
        seq,
        from: state.stage,
        to,
        decision,
        actor,
        comment,
        deadlineAt: null,
        outcome,
        effectiveFrom: firstOfNextMonth(new Date()),
        nextRecheckAt,
        ...extra,
      }),
    );
    Object.assign(state, { enrollment: r.enrollment, calculation: r.calculation, memberIds: r.memberIds });
    enter(to, r.at, null);
  }

  const decisions: Record<msg.DecisionRequest['decision'], (r: msg.DecisionRequest) => Promise<void>> = {
    approve: async ({ actor, comment, findings }) => {
      if (state.stage === 'community_review') {
        await move('public_notice', 'approve', actor, {
          comment,
          figures: findings!.members,
          recalculate: true,
          requireEligible: true,
          patch: {
            home_visit: {
              visitedOn: findings!.visitedOn,
              notes: findings!.notes,
              by: actor.username,
              at: new Date().toISOString(),
            },
          },
        });
      } else if (state.stage === 'street_review') await move('district_approval', 'approve', actor, { comment });
      else await enroll(actor, comment);
    },
    reject: ({ actor, comment }) => move('rejected', 'reject', actor, { comment, patch: { closed_reason: comment } }),
    return: ({ actor, comment }) => move('returned', 'return', actor, { comment }),
    resubmit: async ({ actor, comment }) => {
      await move('verifying', 'resubmit', actor, { comment });
      state.needsVerification = true;
    },
    reverify: () => verify(),
    override_duplicate: async ({ actor, comment }) => {
      await move('verifying', 'override_duplicate', actor, {
        comment,
        keepDeadline: true,
        patch: {
          duplicate_override: {
            by: actor.username,
            reason: comment,
            at: new Date().toISOString(),
            applicationIds: state.duplicateOf,
          },
        },
      });
      await verify();
    },
  };

  setHandler(msg.stateQuery, () => state);
  setHandler(msg.decideUpdate, (r) => perform(() => decisions[r.decision](r)), {
    validator: (r) => kernel.guard(() => checkDecision(state, r, isBusy())),
  });
  setHandler(
    msg.objectUpdate,
    ({ actor, objector, content }) =>
      perform(async () => {
        await move('verifying', 'object', actor, {
          comment: content,
          details: { objector, content },
          patch: { objection_count: 1, home_visit: null },
        });
        state.objections += 1;
        state.needsVerification = true;
      }),
    {
      validator: (r) =>
        kernel.guard(() => {
          checkAction(state, r.actor, 'object', isBusy());
          requireText(r.objector, 'objector', '异议人');
          requireText(r.content, 'content', '异议内容');
        }),
    },
  );
  setHandler(
    msg.withdrawUpdate,
    ({ actor, reason }) =>
      perform(() => move('withdrawn', 'withdraw', actor, { comment: reason, patch: { closed_reason: reason } })),
    {
      validator: (r) =>
        kernel.guard(() => {
          checkAction(state, r.actor, 'withdraw', isBusy());
          requireText(r.reason, 'reason', '撤回原因');
        }),
    },
  );
  setHandler(
    msg.enrollmentChangeUpdate,
    (r) =>
      perform(() =>
        changeEnrollment(r.actor, r.kind, r.outcome, r.comment, {
          figures: r.members,
          details: r.changeKind ? { changeKind: r.changeKind } : undefined,
        }),
      ),
    { validator: (r) => kernel.guard(() => checkEnrollmentChange(state, r, isBusy())) },
  );
  setHandler(
    msg.enrollmentStatusUpdate,
    (r) => perform(() => changeEnrollment(r.actor, r.action, r.action, r.reason)),
    {
      validator: (r) =>
        kernel.guard(() => {
          checkAction(state, r.actor, r.action, isBusy());
          requireText(r.reason, 'reason', '原因');
        }),
    },
  );

  // Employment income (a placement, a follow-up) sent by a referral: taken in once per event id,
  // reviewed when the case is free — an enrolled case or one in 渐退期; a re-check or another
  // review in progress comes first.
  setHandler(msg.incomeEventSignal, (e) => {
    const seen = state.incomeSeen ?? [];
    if (seen.includes(e.eventId) || closedBenefitStages.includes(state.stage)) return;
    state.incomeSeen = [...seen, e.eventId].slice(-INCOME_IDS_KEPT);
    state.incomeQueue = [...(state.incomeQueue ?? []), e];
  });
  const incomeWaiting = () =>
    !!state.incomeQueue?.length && (state.stage === 'enrolled' || state.stage === 'gradual_exit');

  async function reviewIncome() {
    const [event, ...rest] = state.incomeQueue!;
    const returnTo = state.stage;
    const deadlineAt = deadlineFor('income_review');
    const r = await kernel.numbered((seq) =>
      acts.openIncomeReview({
        applicationId,
        seq,
        from: returnTo,
        event,
        deadlineAt,
        effectiveFrom: firstOfNextMonth(new Date()),
      }),
    );
    state.incomeQueue = rest;
    if (r.proposal) {
      state.incomeReview = { event, proposal: r.proposal, returnTo };
      enter('income_review', r.at, deadlineAt);
    }
  }

  kernel.update(
    msg.incomeDecisionUpdate,
    async (r) => {
      const review = state.incomeReview!;
      const res = await kernel.numbered((seq) =>
        acts.decideIncome({
          applicationId,
          seq,
          from: 'income_review',
          actor: r.actor,
          outcome: r.outcome,
          comment: r.comment,
          wageFen: r.wageFen,
          event: review.event,
          effectiveFrom: firstOfNextMonth(new Date()),
          nextRecheckAt: state.enrollment?.nextRecheckAt ?? inDays(policy.recheckDays[state.category]),
          inGradualExit: review.returnTo === 'gradual_exit',
        }),
      );
      Object.assign(state, {
        enrollment: res.enrollment,
        calculation: res.calculation,
        memberIds: res.memberIds,
        incomeReview: null,
        gradualExit: res.to === 'gradual_exit' ? res.gradualExit : null,
      });
      enter(res.to, res.at, null);
    },
    (r) => checkIncomeDecision(state, r, isBusy()),
    () => state,
  );

  superviseCase(kernel, {
    kind: 'benefit',
    caseId: applicationId,
    record: acts.recordSupervision,
    closed: () => closedBenefitStages.includes(state.stage),
    extendable: () => state.deadlineAt !== null && state.stage !== 'public_notice' && state.stage !== 'enrolled',
  });

  if (!input.resume) {
    const loaded = await acts.loadCase({ applicationId });
    Object.assign(state, loaded, { needsVerification: loaded.stage === 'verifying' });
    if (state.stage === 'submitted') {
      await move('verifying', 'received', null);
      state.needsVerification = true;
    } else publish();
    kernel.ready();
  }

  // Runs recorded before this patch also looked at the history length while waiting. That is
  // not replay-safe: a refused Update's workflow task is dropped from history, yet its length
  // could tip the check. New runs check only where the loop resumes after a step or a timer.
  const rollOverWhileWaiting = !patched('rollover-checked-after-steps');

  // The next durable timer: the notice ending, the re-check coming due, or a deadline passing.
  function nextTimer(): Timer | undefined {
    const exit = state.gradualExit;
    if (state.stage === 'gradual_exit' && exit)
      return {
        at: Date.parse(exit.endsAt),
        fire: async () => {
          const r = await kernel.numbered((seq) =>
            acts.endGradualExit({ applicationId, seq, endsOn: shanghaiDate(new Date(exit.endsAt)) }),
          );
          state.enrollment = r.enrollment;
          enter('terminated', r.at, null);
        },
      };
    const at = state.stage === 'enrolled' ? state.enrollment?.nextRecheckAt : state.deadlineAt;
    if (!at) return undefined;
    if (state.stage === 'public_notice')
      return {
        at: Date.parse(at),
        fire: () => move('street_review', 'notice_ended', null, { details: { objections: state.objections } }),
      };
    if (state.stage === 'enrolled') {
      return {
        at: Date.parse(at),
        fire: async () => {
          const deadlineAt = deadlineFor('recheck_due');
          const r = await kernel.numbered((seq) =>
            acts.openRecheck({ applicationId, seq, from: 'enrolled', deadlineAt }),
          );
          enter('recheck_due', r.at, deadlineAt);
        },
      };
    }
    if (state.overdue) return undefined;
    return {
      at: Date.parse(at),
      fire: async () => {
        await acts.markOverdue({ applicationId, stage: state.stage, deadlineAt: at });
        state.overdue = true;
        publish();
      },
    };
  }

  return kernel.run({
    closed: () => closedBenefitStages.includes(state.stage),
    work: () =>
      state.needsVerification ? verify : incomeWaiting() && !kernel.steps.pending ? reviewIncome : undefined,
    wakeWhen: () => (rollOverWhileWaiting && kernel.rollOver()) || incomeWaiting(),
    nextTimer,
    continueAsNew: () => continueAsNew<typeof benefitCase>({ applicationId, policy, resume: state }),
  });
}
