import { accessPolicy } from './access-policy.js';
import { ageOn } from './id-number.js';
import type { Role } from './roles.js';
import type { Suitability, VolunteerStage } from './volunteer-stages.js';

// Who may register as a volunteer, and who may do what to a volunteer at which stage. The
// workflow's validators, the API's `allowedActions` and the console read these.

export const MIN_AGE = 14;
export const ADULT_AGE = 18;

export type AgeProblem = 'too_young' | 'needs_guardian';

/** 18 or over, or 14–17 with a guardian's consent recorded. */
export function ageProblem(
  birthDate: string,
  today: string,
  guardian: { name?: string | null; consent?: boolean | null },
): AgeProblem | null {
  const age = ageOn(birthDate, today);
  if (age < MIN_AGE) return 'too_young';
  if (age < ADULT_AGE && !(guardian.consent && guardian.name?.trim())) return 'needs_guardian';
  return null;
}

export const volunteerActions = [
  'approve',
  'reject',
  'rescreen',
  'sign_up',
  'log_hours',
  'confirm_hours',
  'reconfirm',
  'deactivate',
  'reactivate',
] as const;
export type VolunteerAction = (typeof volunteerActions)[number];

export const volunteerKeepers: readonly Role[] = accessPolicy.volunteers.approve.roles;
export const hoursDeciders: readonly Role[] = accessPolicy['volunteer-hours'].confirm.roles;

export function allowedVolunteerActions(
  v: { stage: VolunteerStage; suitability: Suitability },
  role: Role,
): VolunteerAction[] {
  const out: VolunteerAction[] = [];
  if (hoursDeciders.includes(role) && (v.stage === 'active' || v.stage === 'reconfirm_due' || v.stage === 'inactive'))
    out.push('confirm_hours');
  if (!volunteerKeepers.includes(role)) return out;
  if (v.stage === 'approval') out.push('approve', 'reject');
  if (v.stage === 'screening' && v.suitability === 'error') out.push('rescreen', 'reject');
  if (v.stage === 'active') out.push('sign_up', 'log_hours', 'deactivate');
  if (v.stage === 'reconfirm_due') out.push('reconfirm', 'log_hours', 'deactivate');
  if (v.stage === 'inactive') out.push('reactivate');
  return out;
}
