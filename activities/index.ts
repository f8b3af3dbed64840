import { createBenefitCaseActivities } from './benefit-case.js';
import type { ActivityDeps } from './deps.js';

export type { ActivityDeps } from './deps.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createBenefitCaseActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
