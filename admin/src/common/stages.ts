import type { ChipProps } from '@mui/material';

import { benefitStages as stages, closedBenefitStages, type BenefitStage } from '../../../domain/benefit-stages';
import { referralStages, type ReferralStage } from '../../../domain/referral-stages';

// Stages are the domain's own list; the console adds only labels and colours.
export { stages, referralStages };
export type Stage = BenefitStage;
export type { ReferralStage };
/** Any case's stage: a dibao case or a referral (they share `withdrawn`). */
export type CaseStage = BenefitStage | ReferralStage;
export const closedStages = closedBenefitStages;

export const stageChoices = stages.map((id) => ({ id, name: `shequ.stage.${id}` }));
export const referralStageChoices = referralStages.map((id) => ({ id, name: `shequ.stage.${id}` }));

export const stageColor: Record<CaseStage, ChipProps['color']> = {
  submitted: 'info',
  verifying: 'info',
  community_review: 'info',
  public_notice: 'info',
  street_review: 'primary',
  district_approval: 'primary',
  enrolled: 'success',
  recheck_due: 'warning',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  suspended: 'warning',
  terminated: 'default',
  // referrals
  referred: 'info',
  intake: 'info',
  matching: 'primary',
  proposed: 'primary',
  interview: 'secondary',
  placed: 'success',
  closed: 'default',
};

/** Stages the workflow leaves by itself (verification runs, the notice period passes). */
export const movingStages: readonly Stage[] = ['submitted', 'verifying', 'public_notice'];
