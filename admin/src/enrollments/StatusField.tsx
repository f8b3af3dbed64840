import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Enrollment, EnrollmentStatus } from './types';

const colors: Record<EnrollmentStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  terminated: 'default',
};

/** Status, plus "re-check due" and "overdue" as chips of their own. */
export const StatusField = (_props: FieldProps<Enrollment>) => {
  const record = useRecordContext<Enrollment>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <Chip
        size="small"
        color={colors[record.status] ?? 'default'}
        label={translate(`shequ.status.${record.status}`, { _: record.status })}
      />
      {record.recheckDue && (
        <Chip size="small" variant="outlined" color="warning" label={translate('shequ.filters.recheck_due')} />
      )}
      {record.overdue && <Chip size="small" variant="outlined" color="error" label={translate('shequ.overdue')} />}
    </Stack>
  );
};
