import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Knex } from 'knex';
import { parseWorkflowId } from '../domain/stuck.js';
import { raiseAlert, resolveAlerts } from '../db/workflow-alerts.js';

// The worker tells supervisors about activities that keep failing: after each failure that will
// be retried, the attempt to come and the error; once it succeeds or gives up, the alert is
// resolved. Reporting never changes the activity's own outcome.

export function reportActivityFaults(db: Knex, idPrefix: string): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const info = ctx.info;
        const workflowId = info.workflowExecution?.workflowId;
        if (!workflowId) return next(input);
        const where = { activityId: info.activityId };
        try {
          const result = await next(input);
          // Also on a first attempt: "retry now" resets the count, and the alert must still close.
          await resolveAlerts(db, workflowId, 'succeeded', where).catch(warn);
          return result;
        } catch (e) {
          const max = info.retryPolicy?.maximumAttempts ?? 0;
          const final = (e instanceof ApplicationFailure && e.nonRetryable) || (max > 0 && info.attempt >= max);
          if (final) {
            if (info.attempt > 1) await resolveAlerts(db, workflowId, 'gave up', where).catch(warn);
          } else {
            await raiseAlert(db, {
              workflowId,
              reason: 'failing_activity',
              kind: parseWorkflowId(workflowId, idPrefix)?.kind ?? null,
              activityId: info.activityId,
              activityType: info.activityType,
              attempts: info.attempt + 1,
              lastError: (e as Error)?.message ?? String(e),
            }).catch(warn);
          }
          throw e;
        }
      },
    },
  });
}

const warn = (e: unknown) => console.warn(`[worker] could not record an activity fault: ${(e as Error).message}`);
