import { ApplicationFailure } from '@temporalio/common';
import { escalateOverdueTasks } from './casework-tasks.js';
import type { ActivityDeps } from './deps.js';
import { reconcile, type ReconcileSummary } from './reconcile.js';

export function createWatchActivities({ db, clock, watch }: ActivityDeps) {
  return {
    async reconcileWorkflows(): Promise<ReconcileSummary> {
      if (!watch)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client for the watcher', 'ConfigError');
      return reconcile(db, watch, clock());
    },
    /** Caseworker tasks past due, told to supervisors once each; answers how many were told now. */
    async escalateOverdueTasks(): Promise<number> {
      return escalateOverdueTasks(db, clock());
    },
  };
}
