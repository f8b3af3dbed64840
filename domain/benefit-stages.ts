// Stages of a dibao (minimum living allowance) case, in the order a case normally moves.
// `recheck_due`, `income_review`, `gradual_exit` (渐退期), `suspended` and `terminated` are stages
// of an enrolled case.
export const benefitStages = [
  'submitted',
  'verifying',
  'community_review',
  'public_notice',
  'street_review',
  'district_approval',
  'enrolled',
  'recheck_due',
  'income_review',
  'gradual_exit',
  'returned',
  'rejected',
  'withdrawn',
  'suspended',
  'terminated',
] as const;
export type BenefitStage = (typeof benefitStages)[number];

export const closedBenefitStages: readonly BenefitStage[] = ['rejected', 'withdrawn', 'terminated'];

/** Stages in which the household is enrolled (and its enrollment row exists). */
export const enrolledBenefitStages: readonly BenefitStage[] = [
  'enrolled',
  'recheck_due',
  'income_review',
  'gradual_exit',
  'suspended',
];

export const householdCategories = ['A', 'B', 'C'] as const;
export type HouseholdCategory = (typeof householdCategories)[number];

export const memberRelations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type MemberRelation = (typeof memberRelations)[number];

export const enrollmentStatuses = ['active', 'suspended', 'terminated'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
