import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from './deps.js';
import { reconcile, type ReconcileSummary } from './reconcile.js';

export function createWatchActivities({ db, clock, watch }: ActivityDeps) {
  return {
    async reconcileWorkflows(): Promise<ReconcileSummary> {
      if (!watch)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client for the watcher', 'ConfigError');
      return reconcile(db, watch, clock());
    },
  };
}
