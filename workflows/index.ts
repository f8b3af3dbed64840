// Everything the worker bundle registers. Deterministic code only: imports are limited to
// @temporalio/workflow (and common), pure domain functions and activity types.
export { benefitCase } from './benefit-case.js';
export { disbursementRun } from './disbursement-run.js';
export { monthlyDisbursement } from './monthly-disbursement.js';
export { referral } from './referral.js';
export { volunteer } from './volunteer.js';
export { visitPlanning } from './visit-planning.js';
export { watchWorkflows } from './watch.js';
