import { Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { useFormatInstant } from '../common/time';
import { minutesAsHours } from '../volunteers/hours';
import type { VolunteerHours } from './types';

// Datagrid columns of an hours entry; `source` is only read for the header label.

export const VolunteerLinkField = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  if (!record) return null;
  return (
    <MuiLink component={Link} to={`/volunteers/${record.volunteerId}/show`} onClick={(e) => e.stopPropagation()}>
      {record.volunteerName}
    </MuiLink>
  );
};

export const ActivityField = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  if (!record) return null;
  return (
    <>
      <MuiLink
        component={Link}
        to={`/volunteer-activities/${record.activityId}/show`}
        onClick={(e) => e.stopPropagation()}
      >
        {record.title}
      </MuiLink>
      <Typography variant="caption" color="text.secondary" component="div">
        {record.teamName}
      </Typography>
    </>
  );
};

export const HoursField = (_props: FieldProps<VolunteerHours> & { textAlign?: 'right' }) => {
  const record = useRecordContext<VolunteerHours>();
  return record ? (
    <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-minutes={record.minutes}>
      {minutesAsHours(record.minutes)}
    </span>
  ) : null;
};

export const LoggedField = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  const format = useFormatInstant();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {format(record.loggedAt)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {record.loggedBy ?? translate('shequ.timeline.system')}
      </Typography>
    </>
  );
};

export const DecidedField = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  const format = useFormatInstant();
  if (!record) return null;
  if (!record.decidedAt) return <>—</>;
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {format(record.decidedAt)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {record.decidedBy ?? '—'}
      </Typography>
    </>
  );
};
