import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ReconcileSummary } from '../activities/reconcile.js';

// `watch-workflows`, started by a Schedule every SHEQU_WATCH_SECONDS: one reconciliation pass
// (projection against workflows, alerts against Temporal), and the overdue caseworker tasks told
// to supervisors. A pass that fails is simply the next pass's to do; the schedule skips a firing
// while one still runs.

const { reconcileWorkflows, escalateOverdueTasks } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export interface WatchSummary extends ReconcileSummary {
  /** Overdue caseworker tasks told to supervisors by this pass (absent in passes from before). */
  overdueTasksNotified?: number;
}

export async function watchWorkflows(): Promise<WatchSummary> {
  // Tasks first: they need only the database, so a Temporal visibility outage that fails the
  // reconciliation does not also hold back the notices. A pass begun before this existed
  // scheduled only the reconciliation, and must replay without the escalation.
  const overdueTasksNotified = patched('casework-task-escalation') ? await escalateOverdueTasks() : undefined;
  const summary = await reconcileWorkflows();
  return overdueTasksNotified === undefined ? summary : { ...summary, overdueTasksNotified };
}
