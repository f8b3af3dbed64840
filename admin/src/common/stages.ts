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
  recheck_due: 'warning',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  suspended: 'warning',
  terminated: 'default',
};

/** Stages the workflow leaves by itself (verification runs, the notice period passes). */
export const movingStages: readonly Stage[] = ['submitted', 'verifying', 'public_notice'];
