import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '../domain/errors.js';

/**
 * Runs a validator so that a refusal reaches the API as an ApplicationFailure of the same type,
 * with its per-field errors in the details (a plain Error would arrive without them).
 */
export function refuseWith(check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof DomainError) {
      const errors = (e as { errors?: Record<string, string> }).errors;
      throw ApplicationFailure.create({ type: e.type, message: e.message, nonRetryable: true, details: errors ? [{ errors }] : [] });
    }
    throw e;
  }
}
