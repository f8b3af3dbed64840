import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { useFormatInstant } from './time';

/** Date and time as the bureau reads it, "2026-12-02 10:35" in Beijing time, on every list. */
export const DateTimeField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const format = useFormatInstant();
  const value = record?.[source] as string | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {format(value)}
    </Typography>
  );
};
