import { Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { FollowUpStatusChip, PlacementStatusChip } from '../referrals/statusChips';
import type { PlacementRow } from './types';

export const PlacementStatusField = (_props: FieldProps<PlacementRow>) => {
  const record = useRecordContext<PlacementRow>();
  if (!record) return null;
  return (
    <Tooltip title={record.leftReason ?? ''}>
      <span>
        <PlacementStatusChip status={record.status} />
      </span>
    </Tooltip>
  );
};

/** The 1-, 3- and 6-month follow-ups side by side; a dash while one is not due yet. */
export const FollowUpsField = (_props: FieldProps<PlacementRow>) => {
  const record = useRecordContext<PlacementRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center">
      {(['1', '3', '6'] as const).map((month) => {
        const status = record.followUps?.[month] ?? null;
        return (
          <Stack key={month} alignItems="center" data-month={month}>
            <Typography variant="caption" color="text.secondary">
              {translate('shequ.follow_up.month_n', { month })}
            </Typography>
            {status ? <FollowUpStatusChip status={status} /> : <Typography variant="body2">—</Typography>}
          </Stack>
        );
      })}
    </Stack>
  );
};

export const AreaField = (_props: FieldProps<PlacementRow>) => {
  const record = useRecordContext<PlacementRow>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">{record.communityName}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.streetName}
      </Typography>
    </>
  );
};
