import { Chip, Stack, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { phaseColor, type Phase, type Run } from './types';

export const PhaseChip = ({ phase, size = 'small' }: { phase: Phase | null | undefined; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  if (!phase) return null;
  return (
    <Chip
      size={size}
      color={phaseColor[phase] ?? 'default'}
      label={translate(`shequ.disbursement.phase.${phase}`, { _: phase })}
      data-phase={phase}
      className="shequ-phase"
    />
  );
};

/** The phase, and "overdue" as a chip of its own (not colour alone). */
export const PhaseField = (_props: FieldProps<Run>) => {
  const record = useRecordContext<Run>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <PhaseChip phase={record.phase} />
      {record.overdue && <Chip size="small" variant="outlined" color="error" label={translate('shequ.overdue')} />}
    </Stack>
  );
};
