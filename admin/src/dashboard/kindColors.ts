import type { Theme } from '@mui/material';
import type { WorkflowKind } from '../workflows/types';

/** The same colour per kind in every chart (and as the kind chips in the workflow list). */
export function kindColor(theme: Theme, kind: string): string {
  const colors: Record<WorkflowKind, string> = {
    benefit: theme.palette.primary.main,
    disbursement: theme.palette.secondary.main,
    referral: theme.palette.info.main,
    volunteer: theme.palette.success.main,
  };
  return colors[kind as WorkflowKind] ?? theme.palette.grey[500];
}
