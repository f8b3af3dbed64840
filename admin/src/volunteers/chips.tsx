import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AssignmentStatus, HoursStatus, Suitability } from './types';

const suitabilityColor: Record<Suitability, ChipProps['color']> = {
  not_needed: 'default',
  pending: 'info',
  passed: 'success',
  failed: 'error',
  error: 'warning',
};
const hoursColor: Record<HoursStatus, ChipProps['color']> = {
  pending: 'info',
  confirmed: 'success',
  rejected: 'error',
};

/** The suitability check (for roles serving the elderly, children, disabled people). */
export const SuitabilityChip = ({ suitability }: { suitability: Suitability }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={suitability === 'not_needed' ? 'outlined' : 'filled'}
      color={suitabilityColor[suitability] ?? 'default'}
      label={translate(`shequ.suitability.${suitability}`, { _: suitability })}
      data-suitability={suitability}
    />
  );
};

export const HoursStatusChip = ({ status }: { status: HoursStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={hoursColor[status] ?? 'default'}
      label={translate(`shequ.hours_status.${status}`, { _: status })}
      data-hours-status={status}
    />
  );
};

export const AssignmentStatusChip = ({ status }: { status: AssignmentStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'assigned' ? 'primary' : 'default'}
      label={translate(`shequ.assignment_status.${status}`, { _: status })}
      data-status={status}
    />
  );
};
