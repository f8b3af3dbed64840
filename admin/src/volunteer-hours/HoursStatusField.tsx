import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { HoursStatusChip } from '../volunteers/chips';
import type { VolunteerHours } from './types';

/** The status, and why when rejected. */
export const HoursStatusField = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  if (!record) return null;
  return (
    <>
      <HoursStatusChip status={record.status} />
      {record.reason && (
        <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap', maxWidth: 240 }}>
          {record.reason}
        </Typography>
      )}
    </>
  );
};
