import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { referralPolicy } from '../../config/referral-policy.js';
import { closedReferralStages } from '../../domain/referral-stages.js';
import { openingsChangedSignal, type ReferralInput } from '../../workflows/referral-messages.js';
import { inLanes, type CaseKind } from './case-start.js';

export const referralKind: CaseKind = {
  kind: 'referral',
  table: 'referrals',
  workflowType: 'referral',
  initialStage: 'referred',
  closedStages: closedReferralStages,
  args: (id, env): [ReferralInput] => [{ referralId: id, policy: referralPolicy(env) }],
};

/**
 * Openings were added, changed or filled: every referral waiting in matching ranks again. A
 * signal to a referral that has just moved on is ignored by it; one that has ended is skipped.
 */
export async function signalOpeningsChanged(db: Knex, temporal: Client): Promise<number> {
  const ids: string[] = await db('referrals')
    .where({ stage: 'matching' })
    .whereNotNull('workflow_started_at')
    .pluck('workflow_id');
  await inLanes(ids, 16, async (id) => {
    await temporal.workflow
      .getHandle(id)
      .signal(openingsChangedSignal)
      .catch((e) => {
        if ((e as Error).name !== 'WorkflowNotFoundError') throw e;
      });
  });
  return ids.length;
}
