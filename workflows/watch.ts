import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ReconcileSummary } from '../activities/reconcile.js';

// `watch-workflows`, started by a Schedule every SHEQU_WATCH_SECONDS: one reconciliation pass
// (projection against workflows, alerts against Temporal). A pass that fails is simply the next
// pass's to do; the schedule skips a firing while one still runs.

const { reconcileWorkflows } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export async function watchWorkflows(): Promise<ReconcileSummary> {
  return reconcileWorkflows();
}
