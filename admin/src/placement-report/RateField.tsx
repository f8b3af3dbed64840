import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ReportRow } from './types';

/** A retention rate as a percentage, with the counts behind it ("80% · 4/5"); a dash when none was due. */
export const RateField = ({ month }: { month: 1 | 3 | 6; label?: string; textAlign?: 'right' }) => {
  const record = useRecordContext<ReportRow>();
  const translate = useTranslate();
  if (!record) return null;
  const rate = record[`rate${month}`];
  const due = record[`due${month}`];
  const retained = record[`retained${month}`];
  if (rate === null || due === 0) {
    return (
      <Typography variant="body2" color="text.secondary" title={translate('shequ.report.none_due')}>
        —
      </Typography>
    );
  }
  return (
    <Box sx={{ textAlign: 'right' }} data-rate={rate} className={`shequ-rate-${month}`}>
      <Typography
        variant="body2"
        fontWeight={600}
        sx={{ color: rate < 0.5 ? 'error.main' : rate < 0.8 ? 'warning.main' : 'success.main' }}
      >
        {`${Math.round(rate * 1000) / 10}%`}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {retained}/{due}
      </Typography>
    </Box>
  );
};
