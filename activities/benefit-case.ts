import { ApplicationFailure } from '@temporalio/common';
import { writeAudit } from '../db/audit.js';
import type { ActivityDeps } from './deps.js';

// Projection writers for the benefit case. Each is idempotent (a retry after a crash finds the
// row already moved and changes nothing) and writes its audit event in the same transaction.

export interface ApplicationSummary {
  applicationId: number;
  stage: string;
  stageSince: string;
  streetCode: string;
  communityCode: string;
}

export interface StageChange {
  applicationId: number;
  from: readonly string[];
  to: string;
  actor?: { id: number; username: string } | null;
  action: string;
  comment?: string;
}

export function createBenefitCaseActivities({ db, clock }: ActivityDeps) {
  async function summary(applicationId: number): Promise<ApplicationSummary> {
    const row = await db('applications as a')
      .join('org_units as c', 'c.id', 'a.community_id')
      .join('org_units as s', 's.id', 'a.street_id')
      .where('a.id', applicationId)
      .first('a.id', 'a.stage', 'a.stage_since', 'c.code as community_code', 's.code as street_code');
    if (!row) throw ApplicationFailure.nonRetryable(`application ${applicationId} does not exist`, 'NotFoundError');
    return { applicationId: row.id, stage: row.stage, stageSince: row.stage_since.toISOString(), streetCode: row.street_code, communityCode: row.community_code };
  }

  async function moveStage(c: StageChange): Promise<ApplicationSummary> {
    await db.transaction(async (trx) => {
      const before = await trx('applications').where({ id: c.applicationId }).forUpdate().first('stage', 'community_id');
      if (!before) throw ApplicationFailure.nonRetryable(`application ${c.applicationId} does not exist`, 'NotFoundError');
      if (before.stage === c.to || !c.from.includes(before.stage)) return; // already applied by an earlier attempt
      const now = clock();
      await trx('applications').where({ id: c.applicationId }).update({ stage: c.to, stage_since: now, updated_at: now });
      await writeAudit(trx, { user: c.actor ?? null }, {
        action: c.action,
        entityType: 'application',
        entityId: c.applicationId,
        orgUnitId: before.community_id,
        before: { stage: before.stage },
        after: { stage: c.to, ...(c.comment ? { comment: c.comment } : {}) },
      });
    });
    return summary(c.applicationId);
  }

  return {
    /** First step of every case: the workflow acknowledges the submitted application. */
    async recordApplication(input: { applicationId: number }): Promise<ApplicationSummary> {
      await db('applications').where({ id: input.applicationId }).whereNull('workflow_started_at').update({ workflow_started_at: clock() });
      return moveStage({ applicationId: input.applicationId, from: ['submitted'], to: 'verifying', action: 'application.received' });
    },
    moveStage,
  };
}

export type BenefitCaseActivities = ReturnType<typeof createBenefitCaseActivities>;
