import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

// An activity failure that would come back on every retry must end the step, not freeze it:
// the SDK's default retry has no maximum, and one mistyped id froze a volunteer's case for good
// (every later step answered "another step is being recorded"). Such a failure ends the attempt
// as a non-retryable ApplicationFailure, so the step's Update is refused and the case takes the
// next step:
// - PostgreSQL data exceptions (SQLSTATE class 22: a number out of range, a value too long, an
//   invalid date) and integrity violations (class 23) that reached here unmapped: not-null,
//   foreign key, check. A ValidationError, 400.
// - Programming errors (TypeError, ReferenceError, RangeError, SyntaxError) thrown by our code:
//   retrying the same code on the same data does the same thing. An InternalError, which the
//   API answers as a 500 with the request id; the stack stays in the worker's log.
// Everything else is retried: connection refused or reset, timeouts, 40001 serialization,
// 40P01 deadlock, 57P01 admin shutdown, 53300 too many connections. So are unique and exclusion
// violations (23505, 23P01): two attempts of one step racing (one timed out, still running) end
// with one of them finding the row taken, and its retry finds the work done.
//
// A disbursement run is left to retry: a stuck run shows on the supervisors' list and "retry
// now" resumes it once the data is mended, where a failed run could only be started again.

const keepsRetrying = new Set(['disbursementRun']);

const sqlState = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** A PostgreSQL error the same statement would raise again: class 22, or class 23 but for races. */
export function isDataException(e: unknown): boolean {
  const code = sqlState(e);
  return (
    code !== undefined && (code.startsWith('22') || (code.startsWith('23') && code !== '23505' && code !== '23P01'))
  );
}

/** A bug in our own code, not a fault of the network: network errors carry a cause or a code. */
export function isProgrammingError(e: unknown): boolean {
  const known =
    e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError;
  return known && (e as { cause?: unknown }).cause === undefined && (e as { code?: unknown }).code === undefined;
}

export function failFastOnDataErrors(): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (e) {
          if (keepsRetrying.has(ctx.info.workflowType ?? '')) throw e;
          if (isDataException(e)) {
            ctx.log.warn('data exception, not retried', { error: (e as Error).message });
            throw ApplicationFailure.create({
              type: 'ValidationError',
              // The statement and its values stay in the worker's log, not in the answer a person reads.
              message: `数据无效，该步骤未执行 (invalid data, the step was not recorded; SQLSTATE ${sqlState(e)})`,
              nonRetryable: true,
            });
          }
          if (isProgrammingError(e)) {
            ctx.log.error('programming error, not retried', { error: (e as Error).message, stack: (e as Error).stack });
            throw ApplicationFailure.create({
              type: 'InternalError',
              message: `系统错误，该步骤未执行，请联系管理员 (internal error, the step was not recorded: ${(e as Error).name})`,
              nonRetryable: true,
            });
          }
          throw e;
        }
      },
    },
  });
}
