// A volunteer's stages. `reconfirm_due` is an active volunteer whose yearly re-confirmation is
// due: she may not sign up again until it is done. `rejected` ends the workflow.
export const volunteerStages = [
  'registered',
  'screening',
  'approval',
  'active',
  'reconfirm_due',
  'inactive',
  'rejected',
] as const;
export type VolunteerStage = (typeof volunteerStages)[number];

export const closedVolunteerStages: readonly VolunteerStage[] = ['rejected'];

export const teamKinds = [
  'elderly',
  'children',
  'disabled',
  'community_service',
  'environment',
  'culture',
  'safety',
] as const;
export type TeamKind = (typeof teamKinds)[number];

/** A check against the registry of people barred from work with the elderly, children or disabled people. */
export const suitabilityStates = ['not_needed', 'pending', 'passed', 'failed', 'error'] as const;
export type Suitability = (typeof suitabilityStates)[number];

export const hoursStatuses = ['pending', 'confirmed', 'rejected'] as const;
export type HoursStatus = (typeof hoursStatuses)[number];
