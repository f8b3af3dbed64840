import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Env } from '../config/env.js';
import { referralPolicy } from '../config/referral-policy.js';
import type { referral } from '../workflows/referral.js';
import { openingsChangedSignal } from '../workflows/referral-messages.js';
import { caseAttributes } from '../workflows/search-attributes.js';

export interface StartableReferral {
  id: number;
  workflowId: string;
  stage: string;
  streetCode: string;
  communityCode: string;
}

/** Starts `referral-<id>` for a committed row; a running id is left alone, so a repeat is harmless. */
export async function startReferralWorkflow(temporal: Client, env: Env, r: StartableReferral): Promise<void> {
  await temporal.workflow.start<typeof referral>('referral', {
    workflowId: r.workflowId,
    taskQueue: env.SHEQU_TASK_QUEUE,
    args: [{ referralId: r.id, policy: referralPolicy(env) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: caseAttributes({ kind: 'referral', caseId: r.id, stage: r.stage, street: r.streetCode, community: r.communityCode }),
  });
}

/** Runs `fn` over `items`, `lanes` at a time. */
async function inLanes<T>(items: readonly T[], lanes: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

const startable = (db: Knex) =>
  db('referrals as r')
    .join('org_units as c', 'c.id', 'r.community_id')
    .join('org_units as s', 's.id', 'r.street_id')
    .select('r.id', 'r.workflow_id as workflowId', 'r.stage', 'c.code as communityCode', 's.code as streetCode');

export async function startReferrals(db: Knex, temporal: Client, env: Env, ids: readonly number[]): Promise<void> {
  const rows: StartableReferral[] = await startable(db).whereIn('r.id', ids);
  await inLanes(rows, 16, (r) => startReferralWorkflow(temporal, env, r));
}

/** Starts every referral whose workflow never ran (an API that died between commit and start, or the demo seed). */
export async function startUnstartedReferrals(db: Knex, temporal: Client, env: Env): Promise<number> {
  const rows: StartableReferral[] = await startable(db)
    .whereNull('r.workflow_started_at')
    .whereNotIn('r.stage', ['closed', 'withdrawn'])
    .where((w) => w.whereNot('r.stage', 'referred').orWhere('r.created_at', '<', db.raw(`now() - interval '30 seconds'`)));
  await inLanes(rows, 16, (r) => startReferralWorkflow(temporal, env, r));
  return rows.length;
}

/**
 * Openings were added, changed or filled: every referral waiting in matching ranks again. A
 * signal to a referral that has just moved on is ignored by it; one that has ended is skipped.
 */
export async function signalOpeningsChanged(db: Knex, temporal: Client): Promise<number> {
  const ids: string[] = await db('referrals').where({ stage: 'matching' }).whereNotNull('workflow_started_at').pluck('workflow_id');
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
