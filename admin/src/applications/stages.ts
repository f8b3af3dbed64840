import type { ChipProps } from '@mui/material';

// Mirrors domain/benefit-stages.ts; the console must not import server code.
export const stages = [
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
export type Stage = (typeof stages)[number];

export const closedStages: readonly Stage[] = ['rejected', 'withdrawn', 'terminated'];

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
