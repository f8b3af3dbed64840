import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FollowUpStatus, PlacementStatus } from './types';

const placementColor: Record<PlacementStatus, ChipProps['color']> = {
  active: 'success',
  retained: 'primary',
  left: 'warning',
};
const followUpColor: Record<FollowUpStatus, ChipProps['color']> = {
  open: 'info',
  retained: 'success',
  left: 'warning',
  cancelled: 'default',
};

export const PlacementStatusChip = ({ status }: { status: PlacementStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={placementColor[status] ?? 'default'}
      label={translate(`shequ.placement_status.${status}`, { _: status })}
      data-status={status}
    />
  );
};

export const FollowUpStatusChip = ({ status }: { status: FollowUpStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'open' ? 'filled' : 'outlined'}
      color={followUpColor[status] ?? 'default'}
      label={translate(`shequ.follow_up_status.${status}`, { _: status })}
      data-status={status}
    />
  );
};
