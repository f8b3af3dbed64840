import { defaultVisitPolicy, type VisitPolicy } from '../domain/home-visits.js';
import type { Env } from './env.js';

/** The visit plan's clock, from SHEQU_DAY_SECONDS and the SHEQU_VISIT_* settings. */
export function visitPolicy(env: Env): VisitPolicy {
  return {
    ...defaultVisitPolicy,
    daySeconds: env.SHEQU_DAY_SECONDS,
    intervalDays: env.SHEQU_VISIT_INTERVAL_DAYS,
    leadDays: env.SHEQU_VISIT_LEAD_DAYS,
    recordDays: env.SHEQU_VISIT_RECORD_DAYS,
    taskDays: env.SHEQU_VISIT_TASK_DAYS,
  };
}
