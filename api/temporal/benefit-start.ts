import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { benefitPolicy } from '../../config/benefit-policy.js';
import type { Env } from '../../config/env.js';
import type { benefitCase } from '../../workflows/benefit-case.js';
import { caseAttributes } from '../../workflows/search-attributes.js';
import { inLanes } from './case-start.js';

export interface StartableCase {
  id: number;
  workflowId: string;
  stage: string;
  streetCode: string;
  communityCode: string;
}

/**
 * Starts `benefit-<id>` for an application row already committed. Safe to repeat: an id that
 * is already running is left alone (USE_EXISTING), so a retried request or a restart-time sweep
 * never starts a second case.
 */
export async function startBenefitWorkflow(temporal: Client, env: Env, a: StartableCase): Promise<void> {
  await temporal.workflow.start<typeof benefitCase>('benefitCase', {
    workflowId: a.workflowId,
    taskQueue: env.SHEQU_TASK_QUEUE,
    args: [{ applicationId: a.id, policy: benefitPolicy(env) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: caseAttributes({
      kind: 'benefit',
      caseId: a.id,
      stage: a.stage,
      street: a.streetCode,
      community: a.communityCode,
    }),
  });
}

/**
 * Starts every case whose workflow never ran: an API that died between commit and start, or
 * an import or seed that loaded rows for the workflows to adopt. New applications get 30 s of
 * grace so this sweep does not race the request that is starting them right now.
 */
export async function startUnstartedApplications(
  db: Knex,
  temporal: Client,
  env: Env,
  concurrency = 16,
): Promise<number> {
  const rows = await db('applications as a')
    .join('org_units as c', 'c.id', 'a.community_id')
    .join('org_units as s', 's.id', 'a.street_id')
    .whereNull('a.workflow_started_at')
    .where((w) =>
      w.whereNot('a.stage', 'submitted').orWhere('a.created_at', '<', db.raw(`now() - interval '30 seconds'`)),
    )
    .orderBy('a.id')
    .select('a.id', 'a.workflow_id', 'a.stage', 'c.code as community_code', 's.code as street_code');
  const report = await startCases(
    temporal,
    env,
    rows.map((r) => ({
      id: r.id,
      workflowId: r.workflow_id,
      stage: r.stage,
      streetCode: r.street_code,
      communityCode: r.community_code,
    })),
    concurrency,
  );
  if (report.failed.length)
    throw new Error(
      `${report.failed.length} of ${rows.length} case workflows could not be started, first: ${report.failed[0].error}`,
    );
  return rows.length;
}

export interface StartReport {
  started: number;
  failed: Array<{ id: number; error: string }>;
}

/**
 * Starts the workflows of many committed cases (an import), a few at a time so a 1,300-case
 * load neither waits on one round trip per case nor floods the frontend. A failure is
 * reported, not thrown: the rows are committed, a repeat is harmless (USE_EXISTING), and the
 * API starts any case left unstarted when it starts up.
 */
export async function startCases(
  temporal: Client,
  env: Env,
  cases: readonly StartableCase[],
  concurrency = 16,
  onProgress?: (done: number) => void,
): Promise<StartReport> {
  const report: StartReport = { started: 0, failed: [] };
  let done = 0;
  await inLanes(cases, concurrency, async (c) => {
    try {
      await startBenefitWorkflow(temporal, env, c);
      report.started++;
    } catch (e) {
      report.failed.push({ id: c.id, error: (e as Error).message });
    }
    onProgress?.(++done);
  });
  return report;
}
