import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Application } from './types';
import { stageColor } from './stages';

// `source` is only read by Datagrid (header label, sorting); the chip always shows the stage.
// Overdue gets its own chip too, so it does not rest on the row tint (colour) alone.
export const StageField = (_props: FieldProps<Application>) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip size="small" color={stageColor[record.stage] ?? 'default'} label={translate(`shequ.stage.${record.stage}`)} />
      {record.overdue && <Chip size="small" variant="outlined" color="error" label={translate('shequ.overdue')} />}
    </Stack>
  );
};
