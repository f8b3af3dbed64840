import type { Knex } from 'knex';
import { notify } from '../db/notifications.js';
import { currentIncomes, standardInForce } from '../db/allowance-standards.js';
import { incomeRulesInForce } from '../db/employment-income-rules.js';
import type { Actor } from '../domain/actor.js';
import type { BenefitStage } from '../domain/benefit-stages.js';
import {
  periodAfter,
  proposeIncomeOutcome,
  type IncomeEvent,
  type IncomeOutcome,
  type IncomeProposal,
} from '../domain/employment-income.js';
import { periodOf, shanghaiDate } from '../domain/shanghai-date.js';
import { recordTransition } from './benefit-transition.js';
import type { ActivityDeps } from './deps.js';
import { dayBefore, enrollmentResult, readEnrollment, type EnrollmentResult } from './enrollments.js';
import { refusal } from './failures.js';

// A wage reported by a placement or a follow-up, on the household's dibao case: the review it
// opens (with the proposal computed from the rules and the standard in force next month) and the
// caseworker's decision, which writes dated enrollment terms the monthly run reads. 渐退 months
// are terms with a fixed amount, ending in a terminated term, so the money follows the schedule
// even before the workflow's end-of-exit timer fires. Like every case step, a retry finds its
// seq recorded and writes nothing.

export interface IncomeReviewOpened {
  at: string;
  /** Null when the event needed no review (the wage did not change, the member left the household). */
  proposal: IncomeProposal | null;
}

export interface IncomeDecision {
  applicationId: number;
  seq: number;
  from: BenefitStage;
  actor: Actor;
  outcome: IncomeOutcome;
  comment: string;
  wageFen?: number;
  event: IncomeEvent;
  effectiveFrom: string;
  nextRecheckAt: string | null;
  /** Already in 渐退期: a 渐退 outcome keeps the schedule running instead of starting a new one. */
  inGradualExit: boolean;
}

export interface IncomeDecided extends EnrollmentResult {
  to: BenefitStage;
  gradualExit: { endsAt: string } | null;
}

const outcomeStage: Record<IncomeOutcome, BenefitStage> = {
  adjust: 'enrolled',
  gradual_exit: 'gradual_exit',
  terminate: 'terminated',
};

const monthStart = (period: string) => `${period}-01`;
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

async function propose(
  trx: Knex.Transaction,
  applicationId: number,
  memberId: number,
  wageFen: number,
  effectiveFrom: string,
): Promise<{ proposal: IncomeProposal; enrollment: Awaited<ReturnType<typeof readEnrollment>> } | null> {
  const e = await readEnrollment(trx, applicationId);
  const { memberIds, incomesFen } = await currentIncomes(trx, e.householdId);
  const at = memberIds.indexOf(memberId);
  if (at < 0) return null;
  const [standard, rules] = await Promise.all([
    standardInForce(trx, effectiveFrom),
    incomeRulesInForce(trx, effectiveFrom),
  ]);
  const proposal = proposeIncomeOutcome({
    standard,
    rules,
    otherIncomesFen: incomesFen.filter((_, i) => i !== at),
    wageFen,
    currentAmountFen: e.amountFen,
    firstPeriod: periodOf(effectiveFrom),
  });
  return { proposal, enrollment: e };
}

export function createIncomeReviewActivities({ db, clock }: ActivityDeps) {
  return {
    /** An income event reached the case: its review, with the proposal, or a timeline note. */
    async openIncomeReview(t: {
      applicationId: number;
      seq: number;
      from: BenefitStage;
      event: IncomeEvent;
      deadlineAt: string | null;
      effectiveFrom: string;
    }): Promise<IncomeReviewOpened> {
      return db.transaction(async (trx) => {
        const now = clock();
        const done = await trx('decisions').where({ application_id: t.applicationId, seq: t.seq }).first('at');
        if (done) {
          const row = await trx('income_events').where({ event_id: t.event.eventId }).first('proposal', 'status');
          return { at: done.at.toISOString(), proposal: row?.status === 'noted' ? null : (row?.proposal ?? null) };
        }
        const { event } = t;
        const app = await trx('applications').where({ id: t.applicationId }).first('household_id', 'community_id');
        // Unchanged pay at a follow-up changes nothing ("no change, no adjustment"): noted only.
        const found =
          event.kind === 'retained'
            ? null
            : await propose(trx, t.applicationId, event.memberId, event.wageFen, t.effectiveFrom);
        const status = found ? 'reviewed' : 'noted';
        await trx('income_events')
          .insert({
            event_id: event.eventId,
            kind: event.kind,
            application_id: t.applicationId,
            household_id: app.household_id,
            member_id: event.memberId,
            placement_id: event.placementId,
            referral_id: event.referralId,
            community_id: app.community_id,
            wage_fen: event.wageFen,
            status,
            proposal: found ? JSON.stringify(found.proposal) : null,
            occurred_at: event.occurredAt,
          })
          .onConflict('event_id')
          .merge({ status, proposal: found ? JSON.stringify(found.proposal) : null, updated_at: now });
        if (!found) {
          const rec = await recordTransition(
            trx,
            {
              applicationId: t.applicationId,
              seq: t.seq,
              from: t.from,
              to: t.from,
              stay: true,
              decision: 'income_noted',
              actor: null,
              deadlineAt: null,
              comment: event.kind === 'retained' ? '回访在岗，工资未变，无需调整' : '该成员已不在户内，收入不计入本户',
              details: { eventId: event.eventId, kind: event.kind, wageFen: event.wageFen },
            },
            now,
          );
          return { at: rec.at, proposal: null };
        }
        const { proposal } = found;
        const rec = await recordTransition(
          trx,
          {
            applicationId: t.applicationId,
            seq: t.seq,
            from: t.from,
            to: 'income_review',
            decision: 'income_event',
            actor: null,
            deadlineAt: t.deadlineAt,
            comment: proposal.explanation,
            details: {
              eventId: event.eventId,
              kind: event.kind,
              memberId: event.memberId,
              wageFen: event.wageFen,
              proposed: proposal.outcome,
              amountFen: proposal.calculation.amountFen,
            },
            patch: { income_review: JSON.stringify({ event, proposal }) },
          },
          now,
        );
        await notify(trx, {
          dedupeKey: `income-review:${event.eventId}`,
          kind: 'income_review',
          audienceRole: 'caseworker',
          orgUnitId: app.community_id,
          entityType: 'application',
          entityId: t.applicationId,
          message: `低保申请 #${t.applicationId} 有成员就业收入变化，请在期限内核定（${proposal.explanation}）`,
        });
        return { at: rec.at, proposal };
      });
    },

    /** The caseworker's (or, to terminate, the district's) decision on an income review. */
    async decideIncome(c: IncomeDecision): Promise<IncomeDecided> {
      return db.transaction(async (trx) => {
        const now = clock();
        const done = await trx('decisions')
          .where({ application_id: c.applicationId, seq: c.seq })
          .first('at', 'to_stage', 'details');
        if (done) {
          const app = await trx('applications').where({ id: c.applicationId }).first('gradual_exit');
          return {
            ...(await enrollmentResult(trx, c.applicationId, done.at.toISOString())),
            to: done.to_stage,
            gradualExit: done.to_stage === 'gradual_exit' ? { endsAt: app.gradual_exit.endsAt } : null,
          };
        }
        const wageFen = c.wageFen ?? c.event.wageFen;
        const found = await propose(trx, c.applicationId, c.event.memberId, wageFen, c.effectiveFrom);
        if (!found)
          throw refusal('ConflictError', '该成员已不在户内，请按户内变更处理 (the member has left the household)');
        const { proposal, enrollment: before } = found;
        const enrollmentId = before.id;
        if (c.outcome !== proposal.outcome && c.outcome !== 'terminate')
          throw refusal(
            'ValidationError',
            c.outcome === 'adjust'
              ? `按计入收入已不符合条件：${proposal.explanation}，请选择渐退或终止 (not eligible: gradual exit or terminate)`
              : `计入收入不在渐退范围内：${proposal.explanation} (income outside the gradual-exit band)`,
            { outcome: c.outcome === 'adjust' ? '已不符合条件' : '不在渐退范围内' },
          );
        await trx('household_members')
          .where({ id: c.event.memberId })
          .update({ verified_income_fen: proposal.countedFen });

        const calc = proposal.calculation;
        const term = (effectiveFrom: string, o: Record<string, unknown>) => ({
          enrollment_id: enrollmentId,
          effective_from: effectiveFrom,
          members: calc.members,
          total_income_fen: calc.totalIncomeFen,
          calculation: JSON.stringify(calc),
          reason: c.comment || proposal.explanation,
          decision_seq: c.seq,
          fixed_amount_fen: null,
          note: null,
          ...o,
        });
        const upsert = (rows: Record<string, unknown>[]) =>
          trx('enrollment_terms').insert(rows).onConflict(['enrollment_id', 'effective_from']).merge();
        const dropLaterTerms = () =>
          trx('enrollment_terms')
            .where({ enrollment_id: enrollmentId })
            .where('effective_from', '>', c.effectiveFrom)
            .del();

        let gradualExit: { endsAt: string; endsOn: string; schedule: typeof proposal.schedule } | null = null;
        let amountFen = before.amountFen;
        if (c.outcome === 'adjust') {
          amountFen = calc.amountFen;
          await dropLaterTerms();
          await upsert([term(c.effectiveFrom, { status: 'active', amount_fen: amountFen })]);
          await trx('enrollments').where({ id: enrollmentId }).update({
            amount_fen: amountFen,
            members: calc.members,
            status: 'active',
            effective_to: null,
            next_recheck_at: c.nextRecheckAt,
            updated_at: now,
          });
          await trx('applications').where({ id: c.applicationId }).update({ gradual_exit: null });
        } else if (c.outcome === 'gradual_exit' && !c.inGradualExit) {
          const n = proposal.schedule.length;
          const endsOn = monthStart(periodAfter(proposal.schedule[n - 1].period));
          gradualExit = { endsAt: beijingMidnight(endsOn), endsOn, schedule: proposal.schedule };
          await dropLaterTerms();
          await upsert([
            ...proposal.schedule.map((m, i) =>
              term(monthStart(m.period), {
                status: 'active',
                amount_fen: m.amountFen,
                fixed_amount_fen: m.amountFen,
                note: `渐退期 第${i + 1}/${n}月`,
              }),
            ),
            term(endsOn, { status: 'terminated', amount_fen: 0, note: '渐退期满终止' }),
          ]);
          await trx('enrollments')
            .where({ id: enrollmentId })
            .update({ next_recheck_at: null, recheck_due: false, updated_at: now });
          await trx('applications')
            .where({ id: c.applicationId })
            .update({ gradual_exit: JSON.stringify(gradualExit) });
        } else if (c.outcome === 'gradual_exit') {
          const app = await trx('applications').where({ id: c.applicationId }).first('gradual_exit');
          gradualExit = app.gradual_exit;
        } else {
          await dropLaterTerms();
          await upsert([term(c.effectiveFrom, { status: 'terminated', amount_fen: before.amountFen })]);
          await trx('enrollments')
            .where({ id: enrollmentId })
            .update({
              status: 'terminated',
              effective_to: dayBefore(c.effectiveFrom),
              next_recheck_at: null,
              recheck_due: false,
              updated_at: now,
            });
        }
        await trx('income_events')
          .where({ event_id: c.event.eventId })
          .update({ status: 'decided', outcome: c.outcome, decided_seq: c.seq, updated_at: now });

        const to = outcomeStage[c.outcome];
        const rec = await recordTransition(
          trx,
          {
            applicationId: c.applicationId,
            seq: c.seq,
            from: c.from,
            to,
            decision: 'income_decision',
            actor: c.actor,
            comment: c.comment || proposal.explanation,
            deadlineAt: null,
            details: {
              eventId: c.event.eventId,
              outcome: c.outcome,
              proposed: proposal.outcome,
              wageFen,
              countedFen: proposal.countedFen,
              effectiveFrom: c.effectiveFrom,
              amountFen,
              previousAmountFen: before.amountFen,
              formula: proposal.explanation,
              ...(gradualExit ? { schedule: gradualExit.schedule, endsOn: gradualExit.endsOn } : {}),
            },
            patch: {
              income_review: null,
              ...(to === 'terminated' ? { closed_reason: c.comment || proposal.explanation } : {}),
            },
          },
          now,
        );
        if (to === 'terminated' || (gradualExit && !c.inGradualExit))
          await notify(trx, {
            dedupeKey: `income-decision:${c.applicationId}:${c.seq}`,
            kind: to === 'terminated' ? 'benefit_terminated' : 'gradual_exit',
            audienceRole: 'caseworker',
            orgUnitId: (await trx('applications').where({ id: c.applicationId }).first('community_id')).community_id,
            entityType: 'application',
            entityId: c.applicationId,
            message:
              to === 'terminated'
                ? `低保申请 #${c.applicationId} 自 ${c.effectiveFrom} 起终止：${c.comment || proposal.explanation}。请向申请人送达书面决定`
                : `低保申请 #${c.applicationId} 进入渐退期，至 ${gradualExit!.endsOn} 止：请向申请人送达书面通知`,
          });
        return { ...(await enrollmentResult(trx, c.applicationId, rec.at)), to, gradualExit };
      });
    },

    /** The 渐退 months are over: the case ends, as the schedule already told the monthly run. */
    async endGradualExit(t: { applicationId: number; seq: number; endsOn: string }): Promise<EnrollmentResult> {
      return db.transaction(async (trx) => {
        const now = clock();
        const e = await readEnrollment(trx, t.applicationId);
        const rec = await recordTransition(
          trx,
          {
            applicationId: t.applicationId,
            seq: t.seq,
            from: 'gradual_exit',
            to: 'terminated',
            decision: 'gradual_exit_ended',
            actor: null,
            deadlineAt: null,
            comment: `渐退期满，自 ${t.endsOn} 起终止低保`,
            patch: { closed_reason: '渐退期满' },
          },
          now,
        );
        if (rec.applied) {
          await trx('enrollments')
            .where({ id: e.id })
            .update({
              status: 'terminated',
              effective_to: dayBefore(t.endsOn),
              updated_at: now,
            });
          await notify(trx, {
            dedupeKey: `gradual-exit-ended:${t.applicationId}`,
            kind: 'benefit_terminated',
            audienceRole: 'caseworker',
            orgUnitId: rec.communityId,
            entityType: 'application',
            entityId: t.applicationId,
            message: `低保申请 #${t.applicationId} 渐退期满，自 ${t.endsOn} 起终止（${shanghaiDate(now)}）。请向申请人送达书面通知`,
          });
        }
        return enrollmentResult(trx, t.applicationId, rec.at);
      });
    },
  };
}
