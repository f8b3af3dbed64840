import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Env } from '../../config/env.js';
import type { WorkflowKind } from '../../domain/search-attributes.js';
import { caseAttributes } from '../../workflows/search-attributes.js';

// Starting the workflows of case rows (referrals, volunteers) once they are committed. Safe to
// repeat: a running id is left alone (USE_EXISTING). A row whose workflow never started (an API
// that died between commit and start, or a seed) is started when the API starts.

export interface CaseKind {
  kind: WorkflowKind;
  table: string;
  workflowType: string;
  /** The first stage, before the workflow has taken the row over. */
  initialStage: string;
  closedStages: readonly string[];
  args: (id: number, env: Env) => unknown[];
}

interface Startable {
  id: number;
  workflowId: string;
  stage: string;
  streetCode: string;
  communityCode: string;
}

async function inLanes<T>(items: readonly T[], lanes: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const startable = (db: Knex, k: CaseKind) =>
  db(`${k.table} as r`)
    .join('org_units as c', 'c.id', 'r.community_id')
    .join('org_units as s', 's.id', 'r.street_id')
    .select('r.id', 'r.workflow_id as workflowId', 'r.stage', 'c.code as communityCode', 's.code as streetCode');

function start(temporal: Client, env: Env, k: CaseKind, r: Startable) {
  return temporal.workflow.start(k.workflowType, {
    workflowId: r.workflowId,
    taskQueue: env.SHEQU_TASK_QUEUE,
    args: k.args(r.id, env),
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: caseAttributes({
      kind: k.kind,
      caseId: r.id,
      stage: r.stage,
      street: r.streetCode,
      community: r.communityCode,
    }),
  });
}

export async function startCaseWorkflows(
  db: Knex,
  temporal: Client,
  env: Env,
  k: CaseKind,
  ids: readonly number[],
): Promise<void> {
  const rows: Startable[] = await startable(db, k).whereIn('r.id', ids);
  await inLanes(rows, 16, async (r) => void (await start(temporal, env, k, r)));
}

/** New rows get 30 s of grace so this sweep does not race the request starting them. */
export async function startUnstartedCases(db: Knex, temporal: Client, env: Env, k: CaseKind): Promise<number> {
  const rows: Startable[] = await startable(db, k)
    .whereNull('r.workflow_started_at')
    .whereNotIn('r.stage', k.closedStages)
    .where((w) =>
      w.whereNot('r.stage', k.initialStage).orWhere('r.created_at', '<', db.raw(`now() - interval '30 seconds'`)),
    );
  await inLanes(rows, 16, async (r) => void (await start(temporal, env, k, r)));
  return rows.length;
}

export { inLanes };
