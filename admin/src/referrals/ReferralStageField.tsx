import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StageChip } from '../common/StageChip';
import type { Referral } from './types';

// `source` is only read by Datagrid (header label, sorting). Overdue gets a chip of its own so
// it does not rest on the row's tint alone.
export const ReferralStageField = (_props: FieldProps<Referral>) => {
  const record = useRecordContext<Referral>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <StageChip stage={record.stage} />
      {record.overdue && <Chip size="small" variant="outlined" color="error" label={translate('shequ.overdue')} />}
    </Stack>
  );
};
