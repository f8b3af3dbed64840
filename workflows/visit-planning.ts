import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { VisitPassSummary } from '../activities/home-visits.js';
import type { VisitPolicy } from '../domain/home-visits.js';

// `visit-planning`, started by a Schedule once every policy day: one pass over the visit plans of
// flagged households (db/home-visits.ts) — settle the visits whose record window closed, then
// turn every visit that came due into an activity of one of the community's teams.
//
// Why a Schedule and a pass, not a long-running workflow per flagged household with its own
// monthly timer: the plan is a row (households.care_flags, visit_next_due_at) that caseworkers
// change at any time, and a pass that reads the rows needs no signal to keep a timer in step
// with them, no workflow to start or end as flags come and go, and no history that grows for
// years. Every step of the pass is idempotent by household and due time (home_visits is unique
// on them, under the household's row lock), so a firing that runs twice, late or after an
// outage plans each visit once; the next firing does whatever a failed one left. This is how
// the monthly disbursement and the watch pass are already driven.

const { planHomeVisits } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export async function visitPlanning({ policy }: { policy: VisitPolicy }): Promise<VisitPassSummary> {
  return planHomeVisits({ policy });
}
