import { ActivityFailure, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { closedVolunteerStages, type VolunteerStage } from '../domain/volunteer-stages.js';
import * as msg from './volunteer-messages.js';
import type { Actor, VolunteerInput, VolunteerState } from './volunteer-messages.js';
import { checkDecision, checkHours, checkStep, checkVisitRecord, checkVolunteerAction } from './volunteer-rules.js';
import { caseActivityOptions } from './activity-options.js';
import { CaseKernel, type Timer } from './case-kernel.js';

// A volunteer `volunteer-<id>`, for as long as she volunteers: screening (ID, age, and for
// roles with vulnerable people a suitability check that may fail or time out and leave her
// waiting), approval, then years of sign-ups, hours, stars, reminders and yearly
// re-confirmation. One loop runs every step and timer; continue-as-new carries the state.

const acts = proxyActivities<Activities>(caseActivityOptions);

export async function volunteer(input: VolunteerInput): Promise<VolunteerState> {
  const { volunteerId, policy } = input;
  const registry = proxyActivities<Activities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: policy.suitabilityAttempts },
  });
  const state: VolunteerState = input.resume ?? {
    volunteerId,
    communityPath: '',
    stage: 'registered',
    stageSince: null,
    servesVulnerable: false,
    suitability: 'not_needed',
    needsScreening: false,
    confirmedMinutes: 0,
    starLevel: 0,
    lastHoursAt: null,
    remindedFor: null,
    reconfirmDueAt: null,
    seq: 0,
  };
  const kernel = new CaseKernel(state, { resumed: !!input.resume, historyLimit: policy.historyLimit });
  const publish = () => kernel.publish();
  const inDays = (n: number) => new Date(Date.now() + policyDaysToMs(n, policy.daySeconds)).toISOString();

  async function move(
    to: VolunteerStage,
    decision: string,
    actor: Actor | null,
    o: { comment?: string; details?: Record<string, unknown>; patch?: Record<string, unknown> } = {},
  ) {
    const r = await kernel.numbered((seq) =>
      acts.volunteerTransition({ volunteerId, seq, from: state.stage, to, decision, actor, deadlineAt: null, ...o }),
    );
    Object.assign(state, { stage: to, stageSince: r.at });
    publish();
    return r.at;
  }

  /** An event within the stage: the timeline and the audit log, the stage stays. */
  async function note(
    decision: string,
    actor: Actor | null,
    o: { comment?: string; details?: Record<string, unknown>; patch?: Record<string, unknown> } = {},
  ) {
    await kernel.numbered((seq) =>
      acts.volunteerTransition({
        volunteerId,
        seq,
        from: state.stage,
        to: state.stage,
        decision,
        actor,
        deadlineAt: null,
        stay: true,
        ...o,
      }),
    );
  }

  async function screen() {
    state.needsScreening = false;
    const basic = await acts.screenVolunteer({ volunteerId });
    if (basic.refusal) {
      await move('rejected', 'screen_failed', null, {
        comment: basic.refusal,
        patch: { closed_reason: basic.refusal },
      });
      return;
    }
    if (state.servesVulnerable) {
      try {
        state.suitability = (await registry.checkSuitability({ volunteerId })).result;
      } catch (e) {
        if (!(e instanceof ActivityFailure)) throw e;
        // The registry did not answer in all its attempts: she waits here, and a caseworker may
        // ask again (rescreen) once it is back.
        state.suitability = 'error';
        const error = e.cause?.message ?? e.message;
        await kernel.numbered((seq) => acts.suitabilityUnavailable({ volunteerId, seq, error }));
        return;
      }
    }
    await move('approval', 'screened', null, {
      details: { suitability: state.suitability },
      patch: { suitability: state.suitability, suitability_checked_at: new Date().toISOString() },
    });
  }

  const stepsByName: Record<msg.VolunteerStepName, (r: msg.VolunteerStepRequest) => Promise<void>> = {
    approve: async ({ actor, comment }) => {
      const reconfirmDueAt = inDays(policy.reconfirmDays);
      const at = await move('active', 'approve', actor, { comment, patch: { reconfirm_due_at: reconfirmDueAt } });
      Object.assign(state, { reconfirmDueAt, lastHoursAt: at });
    },
    reject: async ({ actor, comment }) =>
      void (await move('rejected', 'reject', actor, { comment, patch: { closed_reason: comment } })),
    rescreen: async ({ actor }) => {
      await note('rescreen', actor);
      state.needsScreening = true;
    },
    reconfirm: async ({ actor, comment }) => {
      const reconfirmDueAt = inDays(policy.reconfirmDays);
      await move('active', 'reconfirm', actor, { comment, patch: { reconfirm_due_at: reconfirmDueAt } });
      state.reconfirmDueAt = reconfirmDueAt;
    },
    deactivate: async ({ actor, comment }) => void (await move('inactive', 'deactivate', actor, { comment })),
    reactivate: async ({ actor, comment }) => {
      const at = await move('active', 'reactivate', actor, { comment });
      state.lastHoursAt = at; // the inactivity reminder counts from her return
    },
  };

  const perform = (run: () => Promise<void>) => kernel.perform(run);
  const guard = (check: () => void) => kernel.guard(check);
  const isBusy = () => kernel.busy;

  setHandler(msg.volunteerStateQuery, () => state);
  setHandler(msg.volunteerStepUpdate, (r) => perform(() => stepsByName[r.step](r)), {
    validator: (r) => guard(() => checkStep(state, r, isBusy())),
  });
  setHandler(
    msg.signUpUpdate,
    ({ actor, activityId }) =>
      perform(async () => {
        await kernel.numbered((seq) =>
          acts.signUpVolunteer({ volunteerId, seq, actor, activityId, suitability: state.suitability }),
        );
      }),
    { validator: (r) => guard(() => checkVolunteerAction(state, r.actor, 'sign_up', isBusy())) },
  );
  setHandler(
    msg.logHoursUpdate,
    ({ actor, activityId, minutes }) =>
      perform(async () => {
        const r = await kernel.numbered((seq) =>
          acts.logVolunteerHours({ volunteerId, seq, actor, activityId, minutes }),
        );
        state.lastHoursAt = r.at;
      }),
    { validator: (r) => guard(() => checkHours(state, r, isBusy())) },
  );
  setHandler(
    msg.decideHoursUpdate,
    ({ actor, hoursId, confirm, reason }) =>
      perform(async () => {
        const seq = state.seq + 1;
        const r = await acts.decideVolunteerHours({ volunteerId, seq, actor, hoursId, confirm, reason });
        Object.assign(state, {
          seq: seq + r.levels.length,
          confirmedMinutes: r.confirmedMinutes,
          starLevel: r.starLevel,
        });
      }),
    { validator: (r) => guard(() => checkDecision(state, r, isBusy())) },
  );
  // A new Update: histories recorded before it have no such event, so they replay unchanged.
  setHandler(
    msg.recordVisitUpdate,
    (r) =>
      perform(async () => {
        const seq = state.seq + 1;
        const out = await acts.recordHomeVisit({ volunteerId, seq, ...r });
        Object.assign(state, {
          seq: seq + out.events - 1,
          confirmedMinutes: out.confirmedMinutes,
          starLevel: out.starLevel,
          lastHoursAt: out.at,
        });
      }),
    { validator: (r) => guard(() => checkVisitRecord(state, r, isBusy())) },
  );

  if (!input.resume) {
    Object.assign(state, await acts.loadVolunteer({ volunteerId }));
    if (state.stage === 'registered') {
      await move('screening', 'received', null);
      state.needsScreening = true;
    } else {
      state.needsScreening = state.stage === 'screening' && state.suitability !== 'error';
      publish();
    }
    kernel.ready();
  }

  function nextTimer(): Timer | undefined {
    const timers: Timer[] = [];
    const due = state.reconfirmDueAt;
    if (state.stage === 'active' && due)
      timers.push({
        at: Date.parse(due),
        fire: async () => void (await move('reconfirm_due', 'reconfirm_due', null, { details: { dueAt: due } })),
      });
    const since = state.lastHoursAt;
    if ((state.stage === 'active' || state.stage === 'reconfirm_due') && since && state.remindedFor !== since) {
      timers.push({
        at: Date.parse(since) + policyDaysToMs(policy.reminderDays, policy.daySeconds),
        fire: async () => {
          await kernel.numbered((seq) => acts.remindVolunteer({ volunteerId, seq, since, days: policy.reminderDays }));
          state.remindedFor = since;
        },
      });
    }
    return timers.sort((a, b) => a.at - b.at)[0];
  }

  return kernel.run({
    closed: () => closedVolunteerStages.includes(state.stage),
    work: () => (state.needsScreening ? screen : undefined),
    nextTimer,
    continueAsNew: () => continueAsNew<typeof volunteer>({ volunteerId, policy, resume: state }),
  });
}
