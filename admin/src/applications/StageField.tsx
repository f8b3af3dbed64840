import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StageChip } from '../common/StageChip';
import type { Application } from './types';

// `source` is only read by Datagrid (header label, sorting); the chip always shows the stage.
// Overdue and a duplicate block get their own chips too, so they do not rest on colour alone.
export const StageField = (_props: FieldProps<Application>) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <StageChip stage={record.stage} />
      {record.overdue && <Chip size="small" variant="outlined" color="error" label={translate('shequ.overdue')} />}
      {record.blocked && <Chip size="small" variant="outlined" color="warning" label={translate('shequ.blocked')} />}
    </Stack>
  );
};
