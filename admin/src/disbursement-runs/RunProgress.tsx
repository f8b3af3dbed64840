import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Run } from './types';

/** The build's progress: pages of enrollments written as payment lines, as a bar and "3/6". */
export const RunProgress = ({ run, wide = false }: { run: Run; wide?: boolean }) => {
  const translate = useTranslate();
  const percent = Math.round(Math.max(0, Math.min(1, run.progress)) * 100);
  const building = run.phase === 'building';
  return (
    <Box
      sx={{ minWidth: wide ? 240 : 140 }}
      className="shequ-run-progress"
      data-progress={run.progress}
      data-pages-done={run.pagesDone}
      data-pages-total={run.pagesTotal}
    >
      <LinearProgress
        variant="determinate"
        value={percent}
        color={building ? 'primary' : 'success'}
        sx={{ height: wide ? 10 : 6, borderRadius: 3 }}
        aria-label={translate('resources.disbursement-runs.fields.progress')}
      />
      <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {translate('shequ.disbursement.progress', { percent, done: run.pagesDone, total: run.pagesTotal })}
      </Typography>
    </Box>
  );
};

export const RunProgressField = (_props: FieldProps<Run>) => {
  const record = useRecordContext<Run>();
  return record ? <RunProgress run={record} /> : null;
};
