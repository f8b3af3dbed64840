import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Transition } from '../activities/benefit-transition.js';
import { closedBenefitStages, type BenefitStage } from '../domain/benefit-stages.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { firstOfNextMonth } from '../domain/shanghai-date.js';
import * as msg from './benefit-case-messages.js';
import type { Actor, BenefitCaseInput, BenefitCaseState } from './benefit-case-messages.js';
import { checkAction, checkDecision, checkEnrollmentChange, requireText } from './benefit-case-rules.js';
import { refuseWith, ROLLING_OVER } from './failures.js';
import { sa } from './search-attributes.js';
import * as sup from './supervision-messages.js';
import { checkExtend, checkReassign } from './supervision-rules.js';
import { caseActivityOptions } from './activity-options.js';

// The dibao case `benefit-<applicationId>`: the workflow owns the state; activities echo each
// transition into the database. One loop does all the work, so transitions never interleave:
// an Update hands its step to the loop and waits for it, and a timer (deadline, public notice,
// re-check) fires only while no step is running. Validators refuse a second step while one
// is in flight, which turns a double click into exactly one transition and one 409.

const acts = proxyActivities<Activities>(caseActivityOptions);

interface Step {
  run: () => Promise<void>;
  done: boolean;
  error?: unknown;
}

type MoveOptions = Pick<Transition, 'comment' | 'details' | 'patch'> & {
  figures?: msg.MemberFigures[];
  recalculate?: boolean;
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
  let step: Step | undefined;
  let busy = !input.resume; // until the case is loaded
  let rollingOver = false;

  const inDays = (days: number) => new Date(Date.now() + policyDaysToMs(days, policy.daySeconds)).toISOString();
  const deadlineFor = (stage: BenefitStage) =>
    stage === 'public_notice'
      ? inDays(policy.noticeDays)
      : policy.deadlineDays[stage]
        ? inDays(policy.deadlineDays[stage])
        : null;

  function publish() {
    upsertSearchAttributes([
      { key: sa.stage, value: state.stage },
      { key: sa.stageSince, value: state.stageSince ? new Date(state.stageSince) : null },
      { key: sa.deadline, value: state.deadlineAt ? new Date(state.deadlineAt) : null },
      { key: sa.overdue, value: String(state.overdue) },
    ]);
  }

  function enter(stage: BenefitStage, since: string, deadlineAt: string | null) {
    Object.assign(state, { stage, stageSince: since, deadlineAt, overdue: false });
    publish();
  }

  async function move(to: BenefitStage, decision: string, actor: Actor | null, o: MoveOptions = {}) {
    const seq = state.seq + 1;
    const deadlineAt = o.keepDeadline ? state.deadlineAt : deadlineFor(to);
    const { keepDeadline: _, ...rest } = o;
    const r = await acts.transition({
      applicationId,
      seq,
      from: state.stage,
      to,
      decision,
      actor,
      deadlineAt,
      ...rest,
    });
    state.seq = seq;
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
    const seq = state.seq + 1;
    const r = await acts.enroll({
      applicationId,
      seq,
      from: state.stage,
      decision: 'approve',
      actor,
      comment,
      deadlineAt: null,
      effectiveFrom: firstOfNextMonth(new Date()),
      nextRecheckAt: inDays(policy.recheckDays[state.category]),
    });
    Object.assign(state, { seq, enrollment: r.enrollment, calculation: r.calculation, memberIds: r.memberIds });
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
    const seq = state.seq + 1;
    const r = await acts.changeEnrollment({
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
    });
    Object.assign(state, { seq, enrollment: r.enrollment, calculation: r.calculation, memberIds: r.memberIds });
    enter(to, r.at, null);
  }

  const decisions: Record<msg.DecisionRequest['decision'], (r: msg.DecisionRequest) => Promise<void>> = {
    approve: async ({ actor, comment, findings }) => {
      if (state.stage === 'community_review') {
        await move('public_notice', 'approve', actor, {
          comment,
          figures: findings!.members,
          recalculate: true,
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

  /** Hands a step to the loop and waits for it; a refusal found on the way fails the Update only. */
  async function perform(run: () => Promise<void>): Promise<BenefitCaseState> {
    // Two Updates delivered in one activation both pass their validators before either handler
    // starts: the second finds the first's step and steps back (the API asks again, then gets
    // the case's own answer).
    if (step)
      throw ApplicationFailure.create({
        type: 'ConflictError',
        message: '另一操作正在处理中 (another decision is being recorded)',
        nonRetryable: true,
        details: [{ [ROLLING_OVER]: true }],
      });
    const s: Step = { run, done: false };
    step = s;
    await condition(() => s.done);
    if (s.error) throw asFailure(s.error);
    return state;
  }

  setHandler(msg.stateQuery, () => state);
  setHandler(msg.decideUpdate, (r) => perform(() => decisions[r.decision](r)), {
    validator: (r) => refuseWith(rollingOver, () => checkDecision(state, r, busy || !!step)),
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
        refuseWith(rollingOver, () => {
          checkAction(state, r.actor, 'object', busy || !!step);
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
        refuseWith(rollingOver, () => {
          checkAction(state, r.actor, 'withdraw', busy || !!step);
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
    { validator: (r) => refuseWith(rollingOver, () => checkEnrollmentChange(state, r, busy || !!step)) },
  );
  setHandler(
    msg.enrollmentStatusUpdate,
    (r) => perform(() => changeEnrollment(r.actor, r.action, r.action, r.reason)),
    {
      validator: (r) =>
        refuseWith(rollingOver, () => {
          checkAction(state, r.actor, r.action, busy || !!step);
          requireText(r.reason, 'reason', '原因');
        }),
    },
  );

  // A supervisor's new assignee or later deadline: a timeline step like any other.
  const answer = (): sup.SupervisionAnswer => ({
    stage: state.stage,
    deadlineAt: state.deadlineAt,
    overdue: state.overdue,
  });
  async function supervise(actor: Actor, reason: string, change: { assigneeId: number } | { deadlineAt: string }) {
    const seq = state.seq + 1;
    await acts.recordSupervision({
      kind: 'benefit',
      caseId: applicationId,
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
    async (r) => {
      await perform(async () => {
        await supervise(r.actor, r.reason, { assigneeId: r.assigneeId });
        upsertSearchAttributes([{ key: sa.assignee, value: String(r.assigneeId) }]);
      });
      return answer();
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () =>
          checkReassign(r, { closed: closedBenefitStages.includes(state.stage), busy: busy || !!step }),
        ),
    },
  );
  setHandler(
    sup.extendDeadlineUpdate,
    async (r) => {
      await perform(async () => {
        await supervise(r.actor, r.reason, { deadlineAt: r.deadlineAt });
        Object.assign(state, { deadlineAt: r.deadlineAt, overdue: false });
        publish();
      });
      return answer();
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () =>
          checkExtend(r, {
            extendable: state.deadlineAt !== null && state.stage !== 'public_notice' && state.stage !== 'enrolled',
            busy: busy || !!step,
            now: Date.now(),
          }),
        ),
    },
  );

  if (!input.resume) {
    const loaded = await acts.loadCase({ applicationId });
    Object.assign(state, loaded, { needsVerification: loaded.stage === 'verifying' });
    if (state.stage === 'submitted') {
      await move('verifying', 'received', null);
      state.needsVerification = true;
    } else publish();
    // Busy until the first transition is recorded: an Update arriving meanwhile is asked to
    // retry (the page may already show the next stage), not refused.
    busy = false;
  }

  const rollOver = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > policy.historyLimit;
  // Runs recorded before this patch also looked at the history length while waiting. That is
  // not replay-safe: a refused Update's workflow task is dropped from history, yet its length
  // could tip the check. New runs check only where the loop resumes after a step or a timer.
  const rollOverWhileWaiting = !patched('rollover-checked-after-steps');

  // The next durable timer: the notice ending, the re-check coming due, or a deadline passing.
  function nextTimer(): { at: number; fire: () => Promise<void> } | undefined {
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
          const seq = state.seq + 1;
          const deadlineAt = deadlineFor('recheck_due');
          const r = await acts.openRecheck({ applicationId, seq, from: 'enrolled', deadlineAt });
          state.seq = seq;
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

  async function exclusively(run: () => Promise<void>) {
    busy = true;
    try {
      await run();
    } finally {
      busy = false;
    }
  }

  while (!closedBenefitStages.includes(state.stage)) {
    if (state.needsVerification) {
      await exclusively(verify);
      continue;
    }
    if (rollOver() && !step) {
      // Refuse new Updates from here on (the API retries them on the new run), let any
      // accepted one finish, then carry the whole state, pending deadlines included, over.
      busy = rollingOver = true;
      await condition(allHandlersFinished);
      await continueAsNew<typeof benefitCase>({ applicationId, policy, resume: state });
    }
    const timer = nextTimer();
    const woke = await condition(
      () => step !== undefined || (rollOverWhileWaiting && rollOver()),
      timer ? Math.max(1, timer.at - Date.now()) : undefined,
    );
    if (step) {
      const s = step;
      await exclusively(async () => {
        try {
          await s.run();
        } catch (e) {
          s.error = e;
        }
      });
      s.done = true;
      step = undefined;
    } else if (!woke && timer) await exclusively(timer.fire);
  }
  await condition(allHandlersFinished);
  return state;
}

function asFailure(e: unknown): ApplicationFailure {
  if (e instanceof ActivityFailure && e.cause instanceof ApplicationFailure) return e.cause;
  if (e instanceof ApplicationFailure) return e;
  return ApplicationFailure.nonRetryable((e as Error)?.message ?? String(e), 'ConflictError');
}
