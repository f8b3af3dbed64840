import type { DisbursementPolicy } from '../domain/disbursement-policy.js';
import type { Env } from './env.js';

export function disbursementPolicy(env: Env): DisbursementPolicy {
  return {
    daySeconds: env.SHEQU_DAY_SECONDS,
    signoffDays: env.SHEQU_SIGNOFF_DAYS,
    resolveDays: env.SHEQU_RESOLVE_DAYS,
    pageSize: env.SHEQU_DISBURSEMENT_PAGE_SIZE,
    parallelPages: env.SHEQU_DISBURSEMENT_PARALLEL_PAGES,
    bankPollMs: env.SHEQU_BANK_POLL_MS,
    historyLimit: env.SHEQU_HISTORY_LIMIT,
  };
}
