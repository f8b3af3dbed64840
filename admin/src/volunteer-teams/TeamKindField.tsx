import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { TeamKind, VolunteerTeam } from './types';

// Teams serving the elderly, children or disabled people need a suitability check of their volunteers.
const vulnerable: readonly TeamKind[] = ['elderly', 'children', 'disabled'];

export const TeamKindChip = ({ kind }: { kind: TeamKind }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={vulnerable.includes(kind) ? 'secondary' : 'default'}
      label={translate(`shequ.team_kind.${kind}`, { _: kind })}
      data-kind={kind}
    />
  );
};

export const TeamKindField = (_props: FieldProps<VolunteerTeam>) => {
  const record = useRecordContext<VolunteerTeam>();
  return record ? <TeamKindChip kind={record.kind} /> : null;
};
