import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { percent } from './percent';
import type { CoverageRow } from './types';

export const RatioField = (_props: FieldProps<CoverageRow> & { textAlign?: 'right' }) => {
  const record = useRecordContext<CoverageRow>();
  if (!record) return null;
  return (
    <Typography
      variant="body2"
      fontWeight={600}
      sx={{ color: record.met ? 'success.main' : 'warning.main', fontVariantNumeric: 'tabular-nums' }}
      data-ratio={record.ratio}
    >
      {percent(record.ratio)}
    </Typography>
  );
};

export const MetField = (_props: FieldProps<CoverageRow>) => {
  const record = useRecordContext<CoverageRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.met ? 'success' : 'warning'}
      variant={record.met ? 'filled' : 'outlined'}
      label={translate(record.met ? 'shequ.coverage.met' : 'shequ.coverage.short', {
        count: Math.max(0, record.target - record.active),
      })}
      data-met={record.met}
    />
  );
};
