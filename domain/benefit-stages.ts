// Stages of a dibao (minimum living allowance) case, in the order a case normally moves.
export const benefitStages = [
  'submitted',
  'verifying',
  'community_review',
  'public_notice',
  'street_review',
  'district_approval',
  'enrolled',
  'returned',
  'rejected',
  'withdrawn',
  'suspended',
  'terminated',
] as const;
export type BenefitStage = (typeof benefitStages)[number];

export const closedBenefitStages: readonly BenefitStage[] = ['rejected', 'withdrawn', 'terminated'];

export const householdCategories = ['A', 'B', 'C'] as const;
export type HouseholdCategory = (typeof householdCategories)[number];

export const memberRelations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type MemberRelation = (typeof memberRelations)[number];
