import { createBenefitCaseActivities } from './benefit-case.js';
import type { ActivityDeps } from './deps.js';
import { createEnrollmentActivities } from './enrollments.js';

export type { ActivityDeps } from './deps.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createBenefitCaseActivities(deps),
    ...createEnrollmentActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
