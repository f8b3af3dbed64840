import { writeAudit } from '../db/audit.js';
import { notify } from '../db/notifications.js';
import { computeAllowance, type AllowanceCalculation } from '../domain/allowance.js';
import { closedBenefitStages } from '../domain/benefit-stages.js';
import { shanghaiDate, shanghaiDateTime } from '../domain/shanghai-date.js';
import type { Actor, MemberFigures } from '../domain/actor.js';
import { currentIncomes, standardInForce } from '../db/allowance-standards.js';
import { loadCaseRow, type LoadedCase } from './benefit-case-load.js';
import { recordTransition, type Recorded, type Transition } from './benefit-transition.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';

// The benefit case's projection writers. Each is idempotent: a retry after a crash finds its
// work done (by the transition's seq, or by the state it would set) and changes nothing.

export interface Duplicate {
  applicationId: number;
  memberName: string;
  idNumberMasked: string;
  stage: string;
}

// Only ids travel back to the workflow: names and ID numbers stay in the database.
export interface Verification {
  blocked: boolean;
  duplicateOf: number[];
  calculation: AllowanceCalculation;
  memberIds: number[];
}

export interface TransitionWithFigures extends Transition {
  /** Verified incomes from a home visit, stored on the members with the transition. */
  figures?: MemberFigures[];
  /** Recompute the proposed amount from the stored figures (after a home visit). */
  recalculate?: boolean;
  /**
   * The transition stands only if the recomputed household is eligible (an approval after the
   * home visit). Judged here, with the standard in force read in the same transaction as the
   * figures: the one source of the standard for the amount and for the refusal.
   */
  requireEligible?: boolean;
}

export function createBenefitCaseActivities({ db, clock }: ActivityDeps) {
  return {
    /** First step of every case: marks the workflow as started and reads where the case stands. */
    async loadCase({ applicationId }: { applicationId: number }): Promise<LoadedCase> {
      await db('applications')
        .where({ id: applicationId })
        .whereNull('workflow_started_at')
        .update({ workflow_started_at: clock() });
      return loadCaseRow(db, applicationId);
    },

    /**
     * Duplicate check and proposed amount. One ID number may be in one active case only: a
     * member whose number appears in another open case blocks this one, naming that case,
     * unless a supervisor has overridden that very number.
     */
    async verifyHousehold({ applicationId }: { applicationId: number }): Promise<Verification> {
      const now = clock();
      const app = await db('applications')
        .where({ id: applicationId })
        .first('household_id', 'community_id', 'duplicate_override');
      const overridden = new Set<number>(app.duplicate_override?.applicationIds ?? []);
      const rows = await db('household_members as mine')
        // Equal numbers have equal keyed hashes: the check never decrypts.
        .join('household_members as theirs', 'theirs.id_number_hash', 'mine.id_number_hash')
        .join('applications as other', 'other.household_id', 'theirs.household_id')
        .where('mine.household_id', app.household_id)
        .where('mine.left_household', false)
        .where('theirs.left_household', false)
        .whereNot('other.id', applicationId)
        .whereNotIn('other.stage', closedBenefitStages as string[])
        .select('other.id as application_id', 'other.stage', 'mine.name', 'mine.id_number_masked')
        .orderBy('other.id');
      const duplicates = rows
        .filter((r) => !overridden.has(r.application_id))
        .map((r) => ({
          applicationId: r.application_id,
          memberName: r.name,
          idNumberMasked: r.id_number_masked,
          stage: r.stage,
        }));
      const standard = await standardInForce(db, shanghaiDate(now));
      const { memberIds, incomesFen } = await currentIncomes(db, app.household_id);
      const calculation = computeAllowance({ standard, incomesFen });
      await db.transaction(async (trx) => {
        await trx('applications')
          .where({ id: applicationId })
          .update({
            duplicates: duplicates.length ? JSON.stringify(duplicates) : null,
            calculation: JSON.stringify(calculation),
            proposed_amount_fen: calculation.amountFen,
            updated_at: now,
          });
        await writeAudit(
          trx,
          { user: null },
          {
            action: duplicates.length ? 'application.duplicate_found' : 'application.checked',
            entityType: 'application',
            entityId: applicationId,
            orgUnitId: app.community_id,
            after: {
              duplicates: duplicates.map((d) => d.applicationId),
              amountFen: calculation.amountFen,
              eligible: calculation.eligible,
            },
          },
        );
      });
      return {
        blocked: duplicates.length > 0,
        duplicateOf: [...new Set(duplicates.map((d) => d.applicationId))],
        calculation,
        memberIds,
      };
    },

    /** A stage change with what came with it (home visit figures, override, objection...). */
    async transition(t: TransitionWithFigures): Promise<Recorded & { calculation?: AllowanceCalculation }> {
      return db.transaction(async (trx) => {
        const now = clock();
        let calculation: AllowanceCalculation | undefined;
        const fresh = !(await trx('decisions').where({ application_id: t.applicationId, seq: t.seq }).first('id'));
        const patch = { ...t.patch };
        if (fresh && t.figures) {
          const app = await trx('applications').where({ id: t.applicationId }).first('household_id');
          const members = await trx('household_members').where({ household_id: app.household_id }).pluck('id');
          const unknown = t.figures.filter((f) => !members.includes(f.memberId));
          if (unknown.length)
            throw refusal('ValidationError', '成员不属于该户 (member not in this household)', {
              members: unknown.map((u) => u.memberId).join(', '),
            });
          for (const f of t.figures) {
            await trx('household_members')
              .where({ id: f.memberId })
              .update({ verified_income_fen: f.monthlyIncomeFen, ...(f.left ? { left_household: true } : {}) });
          }
        }
        if (fresh && t.recalculate) {
          const app = await trx('applications').where({ id: t.applicationId }).first('household_id', 'calculation');
          const standard = await standardInForce(trx, shanghaiDate(now));
          calculation = computeAllowance({
            standard,
            incomesFen: (await currentIncomes(trx, app.household_id)).incomesFen,
          });
          if (t.requireEligible && !calculation.eligible)
            throw refusal(
              'ValidationError',
              `按核实收入不符合条件：${calculation.formula}，请选择不予推荐 (not eligible on verified incomes: reject)`,
              { findings: '不符合条件 (not eligible)' },
            );
          Object.assign(patch, {
            calculation: JSON.stringify(calculation),
            proposed_amount_fen: calculation.amountFen,
          });
        }
        for (const [k, v] of Object.entries(patch))
          if (v !== null && typeof v === 'object') patch[k] = JSON.stringify(v);
        if (t.patch && 'objection_count' in t.patch) patch.objection_count = trx.raw('objection_count + 1');
        const recorded = await recordTransition(trx, { ...t, patch }, now);
        return { ...recorded, ...(calculation ? { calculation } : {}) };
      });
    },

    /** Past a deadline: flag the case and tell supervisors. The case keeps waiting. */
    async markOverdue({
      applicationId,
      stage,
      deadlineAt,
    }: {
      applicationId: number;
      stage: string;
      deadlineAt: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const changed = await trx('applications')
          .where({ id: applicationId, stage, overdue: false })
          .update({ overdue: true, updated_at: clock() })
          .returning(['community_id']);
        if (!changed.length) return;
        await notify(trx, {
          dedupeKey: `overdue:benefit-${applicationId}:${stage}:${deadlineAt}`,
          kind: 'overdue',
          audienceRole: 'supervisor',
          orgUnitId: changed[0].community_id,
          entityType: 'application',
          entityId: applicationId,
          message: `低保申请 #${applicationId} 在「${stage}」阶段已超过期限 ${shanghaiDateTime(deadlineAt)}（北京时间） (case overdue at ${stage})`,
        });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'application.overdue',
            entityType: 'application',
            entityId: applicationId,
            orgUnitId: changed[0].community_id,
            after: { stage, deadlineAt },
          },
        );
      });
    },
  };
}

export type BenefitCaseActivities = ReturnType<typeof createBenefitCaseActivities>;
export type { Actor };
