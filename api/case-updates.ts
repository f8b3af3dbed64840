import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ROLLING_OVER } from '../workflows/failures.js';

const rollingOver = (e: unknown): boolean => {
  for (let c = e as { cause?: unknown; details?: unknown[] } | undefined, i = 0; c && i < 5; c = c.cause as typeof c, i++) {
    if (Array.isArray(c.details) && (c.details[0] as Record<string, unknown> | undefined)?.[ROLLING_OVER]) return true;
  }
  return false;
};

/**
 * Sends a Workflow Update to a case by its workflow id. A case refuses Updates for the moment
 * it continues as new; the request then goes to the new run, after a short pause.
 */
export async function updateCase<Arg>(temporal: Client, workflowId: string, def: UpdateDefinition<unknown, [Arg], string>, arg: Arg): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await temporal.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg] });
      return;
    } catch (e) {
      if (attempt >= 5 || !rollingOver(e)) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
