import type { Knex } from 'knex';
import { computeAllowance, type AllowanceCalculation } from '../domain/allowance.js';
import type { RecheckOutcome } from '../domain/benefit-actions.js';
import type { EnrollmentStatus } from '../domain/benefit-stages.js';
import type { MemberFigures } from '../domain/actor.js';
import type { EnrollmentState } from '../workflows/benefit-case-messages.js';
import { currentIncomes, standardInForce } from '../db/allowance-standards.js';
import { recordTransition, type Transition } from './benefit-transition.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';

// Enrollment and everything after it. A new amount or status never rewrites a month already
// due: it adds a term from `effectiveFrom` (the first of next month), which disbursement reads.

export interface EnrollmentResult {
  enrollment: EnrollmentState;
  calculation: AllowanceCalculation;
  memberIds: number[];
  at: string;
}

export interface EnrollmentChange extends Omit<Transition, 'patch'> {
  /** What happens to the money: keep, adjust, suspend, terminate, or resume. */
  outcome: RecheckOutcome | 'resume';
  figures?: MemberFigures[];
  effectiveFrom: string;
  nextRecheckAt: string | null;
}

const statusOf: Record<EnrollmentChange['outcome'], EnrollmentStatus> = {
  keep: 'active',
  adjust: 'active',
  resume: 'active',
  suspend: 'suspended',
  terminate: 'terminated',
};

export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

export async function readEnrollment(
  trx: Knex | Knex.Transaction,
  applicationId: number,
): Promise<EnrollmentState & { householdId: number }> {
  const e = await trx('enrollments').where({ application_id: applicationId }).first();
  return {
    id: e.id,
    householdId: e.household_id,
    amountFen: Number(e.amount_fen),
    status: e.status,
    effectiveFrom: String(e.effective_from),
    nextRecheckAt: e.next_recheck_at?.toISOString() ?? null,
  };
}

export async function enrollmentResult(
  trx: Knex.Transaction,
  applicationId: number,
  at: string,
): Promise<EnrollmentResult> {
  const { householdId, ...enrollment } = await readEnrollment(trx, applicationId);
  const term = await trx('enrollment_terms')
    .where({ enrollment_id: enrollment.id })
    .orderBy('effective_from', 'desc')
    .first('calculation');
  return {
    enrollment,
    calculation: term.calculation,
    memberIds: (await currentIncomes(trx, householdId)).memberIds,
    at,
  };
}

export function createEnrollmentActivities({ db, clock }: ActivityDeps) {
  return {
    /** District approval: the enrollment and its first term, with the amount computed on the standard in force from `effectiveFrom`. */
    async enroll(
      t: Omit<Transition, 'patch' | 'to'> & { effectiveFrom: string; nextRecheckAt: string },
    ): Promise<EnrollmentResult> {
      return db.transaction(async (trx) => {
        const now = clock();
        const app = await trx('applications as a')
          .join('households as h', 'h.id', 'a.household_id')
          .where('a.id', t.applicationId)
          .forUpdate('a')
          .first('a.*', 'h.category');
        const rec = await recordTransition(trx, { ...t, to: 'enrolled' }, now);
        if (rec.applied) {
          const standard = await standardInForce(trx, t.effectiveFrom);
          const { incomesFen } = await currentIncomes(trx, app.household_id);
          const calculation = computeAllowance({ standard, incomesFen });
          if (!calculation.eligible)
            throw refusal(
              'ValidationError',
              `按 ${t.effectiveFrom} 起的标准已不符合条件 (not eligible under the standard in force from ${t.effectiveFrom})`,
            );
          const [e] = await trx('enrollments')
            .insert({
              application_id: t.applicationId,
              household_id: app.household_id,
              community_id: app.community_id,
              street_id: app.street_id,
              category: app.category,
              amount_fen: calculation.amountFen,
              members: calculation.members,
              status: 'active',
              effective_from: t.effectiveFrom,
              next_recheck_at: t.nextRecheckAt,
            })
            .returning('id');
          await trx('enrollment_terms').insert({
            enrollment_id: e.id,
            effective_from: t.effectiveFrom,
            status: 'active',
            amount_fen: calculation.amountFen,
            members: calculation.members,
            total_income_fen: calculation.totalIncomeFen,
            calculation: JSON.stringify(calculation),
            reason: t.comment ?? '',
            decision_seq: t.seq,
          });
          await trx('applications')
            .where({ id: t.applicationId })
            .update({ proposed_amount_fen: calculation.amountFen, calculation: JSON.stringify(calculation) });
        }
        return enrollmentResult(trx, t.applicationId, rec.at);
      });
    },

    /** Re-check timer fired: the caseworker has a step to do, with its own deadline. */
    async openRecheck(t: Omit<Transition, 'patch' | 'to' | 'decision' | 'actor'>): Promise<{ at: string }> {
      return db.transaction(async (trx) => {
        const rec = await recordTransition(
          trx,
          { ...t, to: 'recheck_due', decision: 'recheck_due', actor: null },
          clock(),
        );
        await trx('enrollments')
          .where({ application_id: t.applicationId })
          .update({ recheck_due: true, updated_at: clock() });
        return { at: rec.at };
      });
    },

    /** A re-check, a reported change, or suspend / resume / terminate: figures, then a dated term. */
    async changeEnrollment(c: EnrollmentChange): Promise<EnrollmentResult> {
      return db.transaction(async (trx) => {
        const now = clock();
        const before = await readEnrollment(trx, c.applicationId);
        if (await trx('decisions').where({ application_id: c.applicationId, seq: c.seq }).first('id'))
          return enrollmentResult(trx, c.applicationId, now.toISOString());

        for (const f of c.figures ?? []) {
          const n = await trx('household_members')
            .where({ id: f.memberId, household_id: before.householdId })
            .update({ verified_income_fen: f.monthlyIncomeFen, ...(f.left ? { left_household: true } : {}) });
          if (!n)
            throw refusal('ValidationError', '成员不属于该户 (member not in this household)', {
              members: String(f.memberId),
            });
        }
        const { incomesFen } = await currentIncomes(trx, before.householdId);
        if (!incomesFen.length && c.outcome !== 'terminate')
          throw refusal('ValidationError', '户内已无成员，只能终止 (no members left: terminate)', {
            outcome: '只能终止 (terminate only)',
          });
        const standard = await standardInForce(trx, c.effectiveFrom);
        const calculation = incomesFen.length
          ? computeAllowance({ standard, incomesFen })
          : computeAllowance({ standard, incomesFen: [standard.standardFen] });
        const stays = c.outcome === 'keep' || c.outcome === 'adjust' || c.outcome === 'resume';
        if (stays && !calculation.eligible) {
          throw refusal(
            'ValidationError',
            `按核实收入已不符合条件：${calculation.formula}，请选择停发或终止 (no longer eligible: suspend or terminate)`,
            { outcome: '已不符合条件 (no longer eligible)' },
          );
        }
        if (c.outcome === 'keep' && calculation.amountFen !== before.amountFen) {
          throw refusal(
            'ValidationError',
            `重新计算的金额为 ${calculation.amountFen} 分，与现金额 ${before.amountFen} 分不同，请选择调整 (the amount changes: choose adjust)`,
            { outcome: '金额有变化，请选择调整 (amount changes: adjust)' },
          );
        }

        const status = statusOf[c.outcome];
        const amountFen = stays ? calculation.amountFen : before.amountFen;
        // Terms already laid out for later months (a 渐退 schedule) end with the enrollment.
        if (c.outcome === 'terminate')
          await trx('enrollment_terms')
            .where({ enrollment_id: before.id })
            .where('effective_from', '>', c.effectiveFrom)
            .del();
        if (c.outcome !== 'keep') {
          await trx('enrollment_terms')
            .insert({
              enrollment_id: before.id,
              effective_from: c.effectiveFrom,
              status,
              amount_fen: amountFen,
              members: calculation.members,
              total_income_fen: calculation.totalIncomeFen,
              calculation: JSON.stringify(calculation),
              reason: c.comment ?? '',
              decision_seq: c.seq,
            })
            .onConflict(['enrollment_id', 'effective_from'])
            .merge();
        }
        await trx('enrollments')
          .where({ id: before.id })
          .update({
            amount_fen: amountFen,
            members: calculation.members,
            status,
            effective_to: status === 'terminated' ? dayBefore(c.effectiveFrom) : null,
            next_recheck_at: c.nextRecheckAt,
            ...(c.decision === 'recheck' || c.outcome === 'terminate' ? { recheck_due: false } : {}),
            updated_at: now,
          });
        const rec = await recordTransition(
          trx,
          {
            ...c,
            details: {
              ...c.details,
              outcome: c.outcome,
              effectiveFrom: c.effectiveFrom,
              amountFen,
              previousAmountFen: before.amountFen,
              formula: calculation.formula,
            },
          },
          now,
        );
        return enrollmentResult(trx, c.applicationId, rec.at);
      });
    },
  };
}

export type EnrollmentActivities = ReturnType<typeof createEnrollmentActivities>;
