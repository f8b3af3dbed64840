import { defaultBenefitPolicy, parseDayMap, type BenefitPolicy } from '../domain/benefit-policy.js';
import { benefitStages, householdCategories, type HouseholdCategory } from '../domain/benefit-stages.js';
import { ConfigError, type Env } from './env.js';

/** The policy new cases start with, from SHEQU_DAY_SECONDS, SHEQU_NOTICE_DAYS, SHEQU_DEADLINE_DAYS, SHEQU_RECHECK_DAYS. */
export function benefitPolicy(env: Env): BenefitPolicy {
  try {
    return {
      daySeconds: env.SHEQU_DAY_SECONDS,
      noticeDays: env.SHEQU_NOTICE_DAYS,
      deadlineDays: parseDayMap(env.SHEQU_DEADLINE_DAYS, benefitStages, defaultBenefitPolicy.deadlineDays),
      recheckDays: parseDayMap(env.SHEQU_RECHECK_DAYS, householdCategories, defaultBenefitPolicy.recheckDays) as Record<
        HouseholdCategory,
        number
      >,
      historyLimit: env.SHEQU_HISTORY_LIMIT,
    };
  } catch (e) {
    throw new ConfigError(`Invalid environment:\n  SHEQU_DEADLINE_DAYS / SHEQU_RECHECK_DAYS: ${(e as Error).message}`);
  }
}
