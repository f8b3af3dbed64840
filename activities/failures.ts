import { ApplicationFailure } from '@temporalio/common';
import type { ErrorType } from '../domain/errors.js';

// A refusal an activity discovers (wrong figures, a rule the request breaks) is final: retrying
// would give the same answer. It travels to the API as an ApplicationFailure of the same type
// the error handler maps, with per-field errors in its details.
export function refusal(type: ErrorType, message: string, errors?: Record<string, string>): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: errors ? [{ errors }] : [] });
}
