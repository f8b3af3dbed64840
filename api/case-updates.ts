import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ConflictError } from '../domain/errors.js';
import { currentUpdateId } from './http/idempotency.js';
import { ROLLING_OVER } from '../workflows/failures.js';

const rollingOver = (e: unknown): boolean => {
  for (let c = e as { cause?: unknown; details?: unknown[] } | undefined, i = 0; c && i < 5; c = c.cause as typeof c, i++) {
    if (Array.isArray(c.details) && (c.details[0] as Record<string, unknown> | undefined)?.[ROLLING_OVER]) return true;
  }
  return false;
};

/**
 * Sends a Workflow Update to a case by its workflow id. A case refuses Updates for the moment
 * it continues as new, or while it finishes a step the database already shows (the page a
 * person acts on may be a few milliseconds ahead of the workflow); the request is sent again
 * after a short pause. A decision already taken is still a 409: the case answers that itself.
 */
export async function updateCase<Arg>(temporal: Client, workflowId: string, def: UpdateDefinition<unknown, [Arg], string>, arg: Arg): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Under an Idempotency-Key the Update ID is the key: a retry after a crash gets the first outcome.
      const updateId = currentUpdateId();
      await temporal.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg], ...(updateId ? { updateId: `${updateId}:${def.name}` } : {}) });
      return;
    } catch (e) {
      // Retried after the step it waited for closed the case: the case has answered already.
      if (attempt > 1 && (e as Error).name === 'WorkflowNotFoundError') throw new ConflictError('案件已结束，不能再操作 (case is closed)');
      if (attempt >= 8 || !rollingOver(e)) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
