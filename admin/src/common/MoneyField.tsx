import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatFen } from './money';

/** An integer-fen amount shown as yuan. */
export const MoneyField = (props: FieldProps) => {
  const fen: unknown = useFieldValue(props);
  return (
    <Typography component="span" variant="body2">
      {typeof fen === 'number' ? formatFen(fen) : '—'}
    </Typography>
  );
};
