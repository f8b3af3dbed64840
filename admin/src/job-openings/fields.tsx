import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { PlacesLeft } from '../common/PlacesLeft';
import { SkillChips } from '../common/SkillChips';
import { formatFenRange } from '../common/money';
import type { JobOpening, OpeningStatus } from './types';

// Datagrid columns of an opening; `source` is only read for the header label.

export const OpeningStatusChip = ({ status }: { status: OpeningStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={status === 'open' ? 'success' : 'default'}
      label={translate(`shequ.opening_status.${status}`, { _: status })}
      data-status={status}
    />
  );
};

export const PlacesLeftField = (_props: FieldProps<JobOpening>) => {
  const record = useRecordContext<JobOpening>();
  return record ? <PlacesLeft left={record.placesLeft} total={record.placesTotal} /> : null;
};

export const WageRangeField = (_props: FieldProps<JobOpening>) => {
  const record = useRecordContext<JobOpening>();
  return record ? (
    <span style={{ whiteSpace: 'nowrap' }}>{formatFenRange(record.wageMinFen, record.wageMaxFen)}</span>
  ) : null;
};

export const RequiredSkillsField = (_props: FieldProps<JobOpening>) => {
  const record = useRecordContext<JobOpening>();
  return record ? <SkillChips skills={record.requiredSkills} /> : null;
};

export const StatusField = (_props: FieldProps<JobOpening>) => {
  const record = useRecordContext<JobOpening>();
  return record ? <OpeningStatusChip status={record.status} /> : null;
};
