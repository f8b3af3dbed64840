import type { ActivityOptions } from '@temporalio/workflow';

// The options of a case's activities: each is a few statements in one PostgreSQL transaction.
// The timeout is sized to that work, not to the worst day: a worker killed or stopped during
// an attempt costs the step ~10 s before another worker takes it (at 1 minute it cost a
// minute, and every step on the case waited behind it). A retried attempt is safe: each
// activity locks its case row and recognises the work it already did (see
// activities/case-transition.ts). While PostgreSQL is unreachable attempts go on every few
// seconds, so a case moves within seconds of it coming back.
export const caseActivityOptions: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 seconds' },
};
