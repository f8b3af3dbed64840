import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StageChip } from '../common/StageChip';
import { SuitabilityChip } from './chips';
import { hoursText } from './hours';
import { Stars } from './Stars';
import type { Volunteer } from './types';

// Datagrid columns of a volunteer; `source` is only read for the header label and sorting.

export const VolunteerNameField = (_props: FieldProps<Volunteer> & { sortBy?: string }) => {
  const record = useRecordContext<Volunteer>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">
        {record.name}
        {record.minor && (
          <Chip
            size="small"
            variant="outlined"
            color="warning"
            label={translate('shequ.volunteer.minor')}
            sx={{ ml: 0.5 }}
          />
        )}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.idNumberMasked} · {record.age}
      </Typography>
    </>
  );
};

export const VolunteerAreaField = (_props: FieldProps<Volunteer>) => {
  const record = useRecordContext<Volunteer>();
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

/** The stage, and a chip when she is due a reminder (no hours for 90 days). */
export const VolunteerStageField = (_props: FieldProps<Volunteer>) => {
  const record = useRecordContext<Volunteer>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <StageChip stage={record.stage} />
      {record.reminderDue && (
        <Chip size="small" variant="outlined" color="warning" label={translate('shequ.volunteer.reminder_chip')} />
      )}
    </Stack>
  );
};

export const StarsField = (_props: FieldProps<Volunteer>) => {
  const record = useRecordContext<Volunteer>();
  return record ? <Stars level={record.starLevel} /> : null;
};

export const ConfirmedHoursField = (_props: FieldProps<Volunteer> & { textAlign?: 'right' }) => {
  const record = useRecordContext<Volunteer>();
  return record ? (
    <span style={{ fontVariantNumeric: 'tabular-nums' }} data-hours={record.confirmedHours}>
      {hoursText(record.confirmedHours)}
    </span>
  ) : null;
};

export const SuitabilityField = (_props: FieldProps<Volunteer>) => {
  const record = useRecordContext<Volunteer>();
  return record ? <SuitabilityChip suitability={record.suitability} /> : null;
};
