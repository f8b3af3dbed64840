import { createBenefitCaseActivities } from './benefit-case.js';
import type { ActivityDeps } from './deps.js';
import { createDisbursementBuildActivities } from './disbursement-build.js';
import { createDisbursementCheckActivities } from './disbursement-check.js';
import { createDisbursementPayActivities } from './disbursement-pay.js';
import { createEnrollmentActivities } from './enrollments.js';
import { createHomeVisitActivities } from './home-visits.js';
import { createIncomeEventActivities } from './income-events.js';
import { createIncomeReviewActivities } from './income-review.js';
import { createMatchingActivities } from './matching.js';
import { createPlacementActivities } from './placements.js';
import { createReferralActivities } from './referrals.js';
import { createRefusalReviewActivities } from './refusal-review.js';
import { createSupervisionActivities } from './supervision.js';
import { createVolunteerServiceActivities } from './volunteer-service.js';
import { createVolunteerActivities } from './volunteers.js';
import { createWatchActivities } from './watch.js';

export type { ActivityDeps } from './deps.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createBenefitCaseActivities(deps),
    ...createEnrollmentActivities(deps),
    ...createIncomeReviewActivities(deps),
    ...createIncomeEventActivities(deps),
    ...createDisbursementBuildActivities(deps),
    ...createDisbursementCheckActivities(deps),
    ...createDisbursementPayActivities(deps),
    ...createReferralActivities(deps),
    ...createPlacementActivities(deps),
    ...createMatchingActivities(deps),
    ...createRefusalReviewActivities(deps),
    ...createVolunteerActivities(deps),
    ...createVolunteerServiceActivities(deps),
    ...createHomeVisitActivities(deps),
    ...createSupervisionActivities(deps),
    ...createWatchActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
