import type { ChipProps } from '@mui/material';

import { benefitStages as stages, closedBenefitStages, type BenefitStage } from '../../../domain/benefit-stages';
import { referralStages, type ReferralStage } from '../../../domain/referral-stages';
import { volunteerStages, type VolunteerStage } from '../../../domain/volunteer-stages';

// Stages are the domain's own list; the console adds only labels and colours.
export { stages, referralStages, volunteerStages };
export type Stage = BenefitStage;
export type { ReferralStage, VolunteerStage };

/** Any case's stage: a dibao case, a referral or a volunteer (a name may be shared: `withdrawn`, `rejected`). */
export type CaseStage = BenefitStage | ReferralStage | VolunteerStage;
export const closedStages = closedBenefitStages;

export const stageChoices = stages.map((id) => ({ id, name: `shequ.stage.${id}` }));
export const referralStageChoices = referralStages.map((id) => ({ id, name: `shequ.stage.${id}` }));
export const volunteerStageChoices = volunteerStages.map((id) => ({ id, name: `shequ.stage.${id}` }));

export const stageColor: Record<CaseStage, ChipProps['color']> = {
  submitted: 'info',
  verifying: 'info',
  community_review: 'info',
  public_notice: 'info',
  street_review: 'primary',
  district_approval: 'primary',
  enrolled: 'success',
  recheck_due: 'warning',
  income_review: 'warning',
  gradual_exit: 'secondary',
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
  // volunteers
  registered: 'info',
  screening: 'info',
  approval: 'primary',
  active: 'success',
  reconfirm_due: 'warning',
  inactive: 'default',
};

/** Stages the workflow leaves by itself (verification runs, the notice period passes). */
export const movingStages: readonly Stage[] = ['submitted', 'verifying', 'public_notice'];
