import { Grid } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { BankFiles } from './BankFiles';
import { CheckReportPanel } from './CheckReportPanel';
import { FailedLines } from './FailedLines';
import { showRefetchInterval } from './polling';
import { RunActions } from './RunActions';
import { RunHeader } from './RunHeader';
import { RunReport } from './RunReport';
import { StreetTotals } from './StreetTotals';
import type { RunDetail } from './types';

const RunDetailView = () => {
  const run = useRecordContext<RunDetail>();
  if (!run) return null;
  const stopped = run.phase === 'stopped';
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <RunHeader run={run} />
        {/* A failed check comes first: it is what the supervisor has to act on. */}
        {run.checkReport && !run.checkReport.ok && <CheckReportPanel report={run.checkReport} stopped={stopped} />}
        <FailedLines run={run} />
        {run.report && <RunReport report={run.report} />}
        {(run.totalsByStreet?.length ?? 0) > 0 && (
          <StreetTotals streets={run.totalsByStreet ?? []} communities={run.totalsByCommunity ?? []} />
        )}
        {run.checkReport?.ok && <CheckReportPanel report={run.checkReport} stopped={stopped} />}
        <BankFiles run={run} />
      </Grid>
    </Grid>
  );
};

// Looks again every second while the workflow moves by itself (the progress bar, the phases),
// every 2 s while failed lines are resolved, every 10 s while it waits for someone else.
export const RunShow = () => (
  <Show actions={<RunActions />} queryOptions={{ refetchInterval: showRefetchInterval }}>
    <RunDetailView />
  </Show>
);
