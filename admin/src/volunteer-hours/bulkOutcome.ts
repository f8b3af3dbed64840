import type { BulkConfirmResult } from './types';

/** What a bulk confirmation did: how many confirmed, and each one that was not, with why. */
export interface BulkOutcome {
  confirmed: number;
  failed: { id: number; status: number; message: string }[];
}

export function bulkOutcome(answer: BulkConfirmResult): BulkOutcome {
  const failed = answer.results
    .filter((r) => r.status !== 200)
    .map((r) => ({ id: r.id, status: r.status, message: r.message ?? '' }));
  return { confirmed: answer.results.length - failed.length, failed };
}

/** Splits `ids` into the API's largest accepted batches. */
export function inBatches<T>(ids: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
