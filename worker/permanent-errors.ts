import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

// An activity whose PostgreSQL statement failed with a data exception (SQLSTATE class 22: a
// number out of range, a value too long, an invalid date) would fail the same way on every
// retry, and the SDK's default retry has no maximum: one mistyped id froze a volunteer's case
// for good, every later step answered "another step is being recorded". Such a failure ends the
// attempt as a non-retryable ValidationError, so the step's Update is refused with a 400 and the
// case takes the next step. Everything else (connection lost, deadlock, serialization) is
// retried as before.
//
// A disbursement run is left to retry: a stuck run shows on the supervisors' list and "retry
// now" resumes it once the data is mended, where a failed run could only be started again.

const keepsRetrying = new Set(['disbursementRun']);

export function isDataException(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

export function failFastOnDataErrors(): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (e) {
          if (!isDataException(e) || keepsRetrying.has(ctx.info.workflowType ?? '')) throw e;
          ctx.log.warn('data exception, not retried', { error: (e as Error).message });
          throw ApplicationFailure.create({
            type: 'ValidationError',
            // The statement and its values stay in the worker's log, not in the answer a person reads.
            message: `数据无效，该步骤未执行 (invalid data, the step was not recorded; SQLSTATE ${(e as { code: string }).code})`,
            nonRetryable: true,
          });
        }
      },
    },
  });
}
