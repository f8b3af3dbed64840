import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ConflictError, UnavailableError } from '../../domain/errors.js';
import { currentUpdateId } from '../http/idempotency.js';
import { ROLLING_OVER } from '../../workflows/failures.js';

const rollingOver = (e: unknown): boolean => {
  for (
    let c = e as { cause?: unknown; details?: unknown[] } | undefined, i = 0;
    c && i < 5;
    c = c.cause as typeof c, i++
  ) {
    if (Array.isArray(c.details) && (c.details[0] as Record<string, unknown> | undefined)?.[ROLLING_OVER]) return true;
  }
  return false;
};

/** Sends one Workflow Update and answers with its result, within the API's wait bound. */
export type UpdateCase = <Ret, Arg>(
  workflowId: string,
  def: UpdateDefinition<Ret, [Arg], string>,
  arg: Arg,
) => Promise<Ret>;

/**
 * Every Workflow Update the API sends goes through here.
 *
 * A case refuses Updates for the moment it continues as new, or while it finishes a step the
 * database already shows (the page a person acts on may be a few milliseconds ahead of the
 * workflow); the request is sent again after a short pause. A decision already taken is still a
 * 409: the case answers that itself.
 *
 * A request never waits longer than `waitSeconds` for the outcome: a step held up by a busy
 * database or a worker being replaced answers 503 with Retry-After. The Update itself goes on.
 * Under an Idempotency-Key the Update ID is the key, so a retry under that key attaches to the
 * same Update and gets its one outcome; it never records the step twice.
 */
export function caseUpdates(temporal: Client, waitSeconds: number): UpdateCase {
  const waitMs = Math.round(waitSeconds * 1000);
  return async (workflowId, def, arg) => {
    const updateId = currentUpdateId();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(
          new UnavailableError(
            updateId
              ? '该步骤仍在记录中，请稍后用同一 Idempotency-Key 重试 (still being recorded, retry with the same Idempotency-Key)'
              : '该步骤仍在记录中，请稍后刷新查看结果，勿重复提交 (still being recorded; look at the case again before repeating it)',
            Math.max(1, Math.ceil(waitSeconds / 4)),
          ),
        );
      }, waitMs);
    });
    const send = temporal.withAbortSignal(abort.signal, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await temporal.workflow
            .getHandle(workflowId)
            .executeUpdate(def, { args: [arg], ...(updateId ? { updateId: `${updateId}:${def.name}` } : {}) });
        } catch (e) {
          if (abort.signal.aborted) throw e;
          // Retried after the step it waited for closed the case: the case has answered already.
          if (attempt > 1 && (e as Error).name === 'WorkflowNotFoundError')
            throw new ConflictError('案件已结束，不能再操作 (case is closed)');
          if (attempt >= 8 || !rollingOver(e)) throw e;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    });
    // Once the bound has answered, the cancelled call's own error has no one to tell.
    send.catch(() => undefined);
    try {
      return await Promise.race([send, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
