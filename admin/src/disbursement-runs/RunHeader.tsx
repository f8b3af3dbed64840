import { Alert, Button as MuiButton, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { Facts, Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { PhaseChip } from './PhaseChip';
import { PhaseStepper } from './PhaseStepper';
import { RunProgress } from './RunProgress';
import { useFailedLines } from './useRunLines';
import type { RunDetail } from './types';

const f = (field: string) => `resources.disbursement-runs.fields.${field}`;

export const RunHeader = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const deadline = run.signoffDeadlineAt;
  // linesFailed is counted when the bank answers; re-issues and carries since then show in the
  // failed lines themselves (while resolving) and in the closing report (once completed).
  const failed = useFailedLines(run);
  const carried = run.report?.lines.filter((l) => l.status === 'carried').reduce((n, l) => n + l.lines, 0);
  const figures: [string, string, string][] = [
    ['lines', f('lines'), String(run.lines)],
    ['totalFen', f('totalFen'), formatFen(run.totalFen)],
    ['linesPaid', f('linesPaid'), String(run.linesPaid)],
    run.report
      ? ['carried', 'shequ.disbursement.figures.carried', String(carried ?? 0)]
      : run.phase === 'resolving'
        ? ['openFailed', 'shequ.disbursement.figures.open_failed', String(failed.total ?? run.linesFailed)]
        : ['linesFailed', f('linesFailed'), String(run.linesFailed)],
  ];
  const paymentsUrl = `/payments?filter=${encodeURIComponent(JSON.stringify({ runId: run.id }))}`;
  return (
    <Section title="shequ.disbursement.section.run" className="shequ-run-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
        <Typography variant="h5" component="span">
          {translate('shequ.disbursement.run_title', { period: run.period })}
        </Typography>
        <PhaseChip phase={run.phase} size="medium" />
        {run.overdue && <Chip color="error" label={translate('shequ.overdue')} />}
      </Stack>
      <PhaseStepper run={run} />
      {(run.phase === 'building' || run.pagesTotal > 0) && <RunProgress run={run} wide />}
      {deadline && run.phase === 'awaiting_signoff' && (
        <Alert severity={run.overdue ? 'error' : 'info'} sx={{ my: 1 }}>
          {translate(
            run.overdue ? 'shequ.disbursement.deadline.signoff_overdue' : 'shequ.disbursement.deadline.signoff_due',
            { at: format(deadline) },
          )}
        </Alert>
      )}
      {deadline && run.phase === 'resolving' && (
        <Alert severity={run.overdue ? 'error' : 'info'} sx={{ my: 1 }}>
          {translate(
            run.overdue ? 'shequ.disbursement.deadline.resolve_overdue' : 'shequ.disbursement.deadline.resolve_due',
            { at: format(deadline) },
          )}
        </Alert>
      )}
      {run.rejectedReason && (
        <Alert severity="warning" sx={{ my: 1 }} className="shequ-rejected-reason">
          {translate('shequ.disbursement.rejected_reason', { reason: run.rejectedReason })}
        </Alert>
      )}
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap" sx={{ my: 2 }} className="shequ-run-figures">
        {figures.map(([k, label, v]) => (
          <div key={k} data-figure={k}>
            <Typography variant="caption" color="text.secondary">
              {translate(label)}
            </Typography>
            <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {v}
            </Typography>
          </div>
        ))}
      </Stack>
      <Facts
        rows={[
          [f('cutoffDate'), run.cutoffDate],
          [f('trigger'), translate(`shequ.disbursement.trigger.${run.trigger}`, { _: run.trigger })],
          [f('startedAt'), format(run.startedAt)],
          [f('phaseSince'), format(run.phaseSince)],
          [f('approvedBy'), run.approvedBy ? `${run.approvedBy} · ${format(run.approvedAt)}` : '—'],
          [f('completedAt'), format(run.completedAt)],
          [f('workflowId'), <code>{run.workflowId}</code>],
        ]}
      />
      <MuiButton component={Link} to={paymentsUrl} sx={{ mt: 1 }} variant="outlined" size="small">
        {translate('shequ.disbursement.all_lines')}
      </MuiButton>
    </Section>
  );
};
