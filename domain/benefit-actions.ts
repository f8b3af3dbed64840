import type { Role } from './roles.js';
import type { BenefitStage } from './benefit-stages.js';

// Who may do what to a dibao case at which stage. The workflow's update validators, the API's
// `allowedActions` and the console's buttons all read this one table.

export const benefitDecisions = ['approve', 'reject', 'return', 'resubmit', 'reverify', 'override_duplicate'] as const;
export type BenefitDecision = (typeof benefitDecisions)[number];

export const benefitActions = [
  ...benefitDecisions,
  'object',
  'withdraw',
  'recheck',
  'change',
  'suspend',
  'resume',
  'terminate',
  'income_decision',
] as const;
export type BenefitAction = (typeof benefitActions)[number];

export interface CaseFlags {
  stage: BenefitStage;
  /** Verification found an ID number in another active case. */
  blocked: boolean;
}

const reviewLevel: Partial<Record<BenefitStage, Role>> = {
  community_review: 'caseworker',
  street_review: 'street_reviewer',
  district_approval: 'district_approver',
};

/** The stages at which a case waits on a person of this role (the "my queue" filter). */
export function stagesWaitingOn(role: Role): BenefitStage[] {
  switch (role) {
    case 'caseworker':
      return ['community_review', 'returned', 'recheck_due', 'income_review'];
    case 'street_reviewer':
      return ['street_review'];
    case 'district_approver':
      return ['district_approval', 'income_review'];
    default:
      return [];
  }
}

export function allowedBenefitActions(c: CaseFlags, role: Role): BenefitAction[] {
  const out: BenefitAction[] = [];
  const level = reviewLevel[c.stage];
  if (level === role) out.push('approve', 'reject', 'return');
  if (c.stage === 'verifying' && c.blocked) {
    if (role === 'supervisor') out.push('override_duplicate');
    if (role === 'caseworker' || role === 'supervisor') out.push('reverify');
  }
  if (c.stage === 'returned' && role === 'caseworker') out.push('resubmit');
  if (c.stage === 'public_notice' && (role === 'caseworker' || role === 'supervisor')) out.push('object');
  const open = [
    'verifying',
    'community_review',
    'public_notice',
    'street_review',
    'district_approval',
    'returned',
  ].includes(c.stage);
  if (open && (role === 'caseworker' || role === 'supervisor')) out.push('withdraw');
  if (c.stage === 'enrolled' || c.stage === 'recheck_due') {
    if (role === 'caseworker' || role === 'district_approver') out.push('recheck', 'change');
    if (role === 'district_approver') out.push('suspend', 'terminate');
  }
  if (c.stage === 'suspended' && role === 'district_approver') out.push('resume', 'terminate');
  // A wage reported by a placement: the caseworker confirms or changes the proposal; ending the
  // allowance on it (terminate) is the district's, as for a re-check.
  if (c.stage === 'income_review' && (role === 'caseworker' || role === 'district_approver'))
    out.push('income_decision');
  if (c.stage === 'gradual_exit' && role === 'district_approver') out.push('terminate');
  return out;
}

/** Outcomes of a re-check or a reported change. Suspending and terminating need the district. */
export const recheckOutcomes = ['keep', 'adjust', 'suspend', 'terminate'] as const;
export type RecheckOutcome = (typeof recheckOutcomes)[number];

export const outcomeNeedsDistrict = (o: RecheckOutcome) => o === 'suspend' || o === 'terminate';

export const changeKinds = ['income', 'members', 'death', 'moved_away', 'other'] as const;
export type ChangeKind = (typeof changeKinds)[number];
