import { defaultVolunteerPolicy, type VolunteerPolicy } from '../domain/volunteer-policy.js';
import type { Env } from './env.js';

/** The policy new volunteers start with, from SHEQU_DAY_SECONDS, SHEQU_VOLUNTEER_REMINDER_DAYS, SHEQU_RECONFIRM_DAYS, SHEQU_SUITABILITY_ATTEMPTS. */
export function volunteerPolicy(env: Env): VolunteerPolicy {
  return {
    ...defaultVolunteerPolicy,
    daySeconds: env.SHEQU_DAY_SECONDS,
    reminderDays: env.SHEQU_VOLUNTEER_REMINDER_DAYS,
    reconfirmDays: env.SHEQU_RECONFIRM_DAYS,
    suitabilityAttempts: env.SHEQU_SUITABILITY_ATTEMPTS,
    historyLimit: env.SHEQU_HISTORY_LIMIT,
  };
}
