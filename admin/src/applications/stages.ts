import type { ChipProps } from '@mui/material';

import { benefitStages as stages, closedBenefitStages, type BenefitStage } from '../../../domain/benefit-stages';

// Stages are the domain's own list; the console adds only labels and colours.
export { stages };
export type Stage = BenefitStage;
export const closedStages = closedBenefitStages;

export const stageChoices = stages.map((id) => ({ id, name: `shequ.stage.${id}` }));

export const stageColor: Record<Stage, ChipProps['color']> = {
  submitted: 'info',
  verifying: 'info',
  community_review: 'info',
  public_notice: 'info',
  street_review: 'primary',
  district_approval: 'primary',
  enrolled: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  suspended: 'warning',
  terminated: 'default',
};
