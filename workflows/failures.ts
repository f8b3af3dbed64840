import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '../domain/errors.js';

/**
 * Marks a refusal the caller should simply retry in a moment: the case is moving to a new run, or
 * is still finishing a step whose result the database already shows.
 */
export const ROLLING_OVER = 'rollingOver';

/**
 * Runs a validator so that a refusal reaches the API as an ApplicationFailure of the same type,
 * with its per-field errors in the details (a plain Error would arrive without them).
 */
export function refuseWith(rollingOver: boolean, check: () => void): void {
  if (rollingOver) {
    throw ApplicationFailure.create({
      type: 'ConflictError',
      message: '案件正在整理历史记录，请稍后重试 (case is continuing as new, retry)',
      nonRetryable: true,
      details: [{ [ROLLING_OVER]: true }],
    });
  }
  try {
    check();
  } catch (e) {
    if (e instanceof DomainError) {
      const errors = (e as { errors?: Record<string, string> }).errors;
      const retrySoon = (e as { retrySoon?: boolean }).retrySoon;
      throw ApplicationFailure.create({
        type: e.type,
        message: e.message,
        nonRetryable: true,
        details: errors ? [{ errors }] : retrySoon ? [{ [ROLLING_OVER]: true }] : [],
      });
    }
    throw e;
  }
}
