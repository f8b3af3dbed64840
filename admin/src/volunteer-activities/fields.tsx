import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { PlacesLeft } from '../common/PlacesLeft';
import { SkillChips } from '../common/SkillChips';
import { useFormatSpan } from '../common/time';
import type { ActivityStatus, VolunteerActivity } from './types';

// Datagrid columns of an activity; `source` is only read for the header label.

export const ActivityStatusChip = ({ status }: { status: ActivityStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={status === 'open' ? 'success' : 'default'}
      label={translate(`shequ.activity_status.${status}`, { _: status })}
      data-status={status}
    />
  );
};

export const ActivityStatusField = (_props: FieldProps<VolunteerActivity>) => {
  const record = useRecordContext<VolunteerActivity>();
  return record ? <ActivityStatusChip status={record.status} /> : null;
};

/** The title, and whose activity it is (team · community) beneath. */
export const ActivityTitleField = (_props: FieldProps<VolunteerActivity> & { sortBy?: string }) => {
  const record = useRecordContext<VolunteerActivity>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2" fontWeight={500}>
        {record.title}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {record.teamName} · {record.communityName}
      </Typography>
    </>
  );
};

export const PlacesLeftField = (_props: FieldProps<VolunteerActivity>) => {
  const record = useRecordContext<VolunteerActivity>();
  return record ? <PlacesLeft left={record.placesLeft} total={record.placesTotal} /> : null;
};

export const SpanField = (_props: FieldProps<VolunteerActivity>) => {
  const record = useRecordContext<VolunteerActivity>();
  const span = useFormatSpan();
  return record ? <span style={{ whiteSpace: 'nowrap' }}>{span(record.startsAt, record.endsAt)}</span> : null;
};

export const RequiredSkillsField = (_props: FieldProps<VolunteerActivity>) => {
  const record = useRecordContext<VolunteerActivity>();
  return record ? <SkillChips skills={record.requiredSkills} /> : null;
};

/** Marks activities serving the elderly, children or disabled people (a suitability check is needed). */
export const VulnerableField = (_props: FieldProps<VolunteerActivity>) => {
  const record = useRecordContext<VolunteerActivity>();
  const translate = useTranslate();
  if (!record) return null;
  return record.servesVulnerable ? (
    <Chip size="small" variant="outlined" color="secondary" label={translate('shequ.activity.serves_vulnerable')} />
  ) : (
    <>—</>
  );
};
