import { defaultReferralPolicy, parseFollowUpDays, type ReferralPolicy } from '../domain/referral-policy.js';
import { ConfigError, type Env } from './env.js';

/** The policy new referrals start with, from SHEQU_DAY_SECONDS, SHEQU_PLACEMENT_DAYS, SHEQU_FOLLOW_UP_DAYS, SHEQU_REMINDER_DAYS. */
export function referralPolicy(env: Env): ReferralPolicy {
  try {
    return {
      ...defaultReferralPolicy,
      daySeconds: env.SHEQU_DAY_SECONDS,
      placementDays: env.SHEQU_PLACEMENT_DAYS,
      followUpDays: parseFollowUpDays(env.SHEQU_FOLLOW_UP_DAYS),
      reminderDays: env.SHEQU_REMINDER_DAYS,
      historyLimit: env.SHEQU_HISTORY_LIMIT,
    };
  } catch (e) {
    throw new ConfigError(`Invalid environment:\n  SHEQU_FOLLOW_UP_DAYS: ${(e as Error).message}`);
  }
}
