import type { Theme } from '@mui/material';
import type { WorkflowKind } from '../workflows/types';

/** The same colour per kind in every chart (and as the kind chips in the workflow list): four
 * hues far apart, since the theme's primary and info are both blue and read as one programme. */
export function kindColor(theme: Theme, kind: string): string {
  const colors: Record<WorkflowKind, string> = {
    benefit: '#1565c0',
    disbursement: '#6a1b9a',
    referral: '#e65100',
    volunteer: '#2e7d32',
  };
  return colors[kind as WorkflowKind] ?? theme.palette.grey[500];
}
