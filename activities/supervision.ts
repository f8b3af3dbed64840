import type { ActivityDeps } from './deps.js';
import { recordCaseTransition, type CaseActor, type CaseTables } from './case-transition.js';

// A supervisor's change to a case (a new assignee, a later deadline), recorded like any other
// step: on the case row, in its timeline and in the audit log, in one transaction, once.

const tables: Record<'benefit' | 'referral', CaseTables> = {
  benefit: { cases: 'applications', events: 'decisions', caseColumn: 'application_id', entity: 'application' },
  referral: { cases: 'referrals', events: 'referral_events', caseColumn: 'referral_id', entity: 'referral' },
};

export interface SupervisionRecord {
  kind: 'benefit' | 'referral';
  caseId: number;
  seq: number;
  stage: string;
  actor: CaseActor;
  reason: string;
  change: { assigneeId: number } | { deadlineAt: string };
}

export function createSupervisionActivities({ db, clock }: ActivityDeps) {
  return {
    async recordSupervision(r: SupervisionRecord): Promise<{ at: string }> {
      const reassign = 'assigneeId' in r.change;
      const patch =
        'assigneeId' in r.change
          ? { assignee_id: r.change.assigneeId }
          : { deadline_at: new Date(r.change.deadlineAt), overdue: false };
      return db.transaction(async (trx) => {
        const rec = await recordCaseTransition(
          trx,
          tables[r.kind],
          r.caseId,
          {
            seq: r.seq,
            from: r.stage,
            to: r.stage,
            decision: reassign ? 'reassign' : 'extend_deadline',
            actor: r.actor,
            comment: r.reason,
            details: r.change,
            deadlineAt: null,
            stay: true,
            patch,
          },
          clock(),
        );
        return { at: rec.at };
      });
    },
  };
}
