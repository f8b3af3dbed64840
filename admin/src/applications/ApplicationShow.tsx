import { Alert, Button as MuiButton, Chip, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { CalculationView } from '../common/CalculationView';
import { MembersTable } from '../common/MembersTable';
import { formatFen } from '../common/money';
import { Facts, Section } from '../common/Section';
import { StageChip } from '../common/StageChip';
import { Timeline } from '../common/Timeline';
import { useFormatInstant } from '../common/time';
import { ApplicationActions } from './ApplicationActions';
import { DuplicatesPanel } from './DuplicatesPanel';
import { HomeVisitPanel } from './HomeVisitPanel';
import { IncomeReviewPanel } from './IncomeReviewPanel';
import type { Application } from './types';

// While the workflow moves the case by itself, look again so the buttons appear without a
// reload: every 2 s while verification runs; during the public notice, when it is due to end
// (then every 2 s for a little while), and at least every 10 minutes before.
const refetchInterval = (query: { state: { data?: unknown } }): number | false => {
  const r = query.state.data as Application | undefined;
  if (!r) return false;
  if (r.stage === 'submitted' || (r.stage === 'verifying' && !r.blocked)) return 2000;
  if (r.stage === 'public_notice' && r.deadlineAt) {
    const left = Date.parse(r.deadlineAt) - Date.now();
    if (left > 0) return Math.min(left + 500, 600_000);
    return left > -120_000 ? 2000 : false;
  }
  return false;
};

const Header = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const noticeEnds = record.stage === 'public_notice';
  return (
    <Section title="shequ.section.case" className="shequ-case-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography variant="h5" component="span">
          #{record.id} {record.headName}
        </Typography>
        <StageChip stage={record.stage} size="medium" />
        {record.overdue && <Chip color="error" label={translate('shequ.overdue')} />}
        {record.blocked && <Chip color="warning" variant="outlined" label={translate('shequ.blocked')} />}
        {!!record.objectionCount && (
          <Chip variant="outlined" label={translate('shequ.objection.count', { count: record.objectionCount })} />
        )}
      </Stack>
      {record.overdue && record.deadlineAt && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('shequ.deadline.overdue', { at: format(record.deadlineAt) })}
        </Alert>
      )}
      <Facts
        rows={[
          ['resources.applications.fields.address', record.address],
          ['resources.applications.fields.communityName', `${record.communityName} · ${record.streetName}`],
          ['resources.applications.fields.category', translate(`shequ.category.${record.category}`)],
          ['resources.applications.fields.memberCount', record.memberCount],
          ['resources.applications.fields.createdAt', format(record.createdAt)],
          ['resources.applications.fields.stageSince', format(record.stageSince)],
          [
            noticeEnds ? 'shequ.deadline.notice_ends' : 'resources.applications.fields.deadlineAt',
            format(record.deadlineAt),
          ],
          ['resources.applications.fields.workflowId', <code>{record.workflowId}</code>],
        ]}
      />
      {record.closedReason && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('shequ.closed_reason')}：{record.closedReason}
        </Alert>
      )}
      {record.enrollmentId != null && (
        <MuiButton
          component={Link}
          to={`/enrollments/${record.enrollmentId}/show`}
          sx={{ mt: 1 }}
          variant="outlined"
          size="small"
        >
          {translate('shequ.enrollment_link')}
        </MuiButton>
      )}
    </Section>
  );
};

const ApplicationDetail = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Header record={record} />
        <IncomeReviewPanel record={record} />
        <DuplicatesPanel record={record} />
        <Section title="shequ.section.amount" className="shequ-amount">
          <CalculationView calculation={record.calculation} />
          {!record.calculation && typeof record.proposedAmountFen === 'number' && (
            <Typography variant="h5">{formatFen(record.proposedAmountFen)}</Typography>
          )}
        </Section>
        <HomeVisitPanel record={record} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.timeline">
          <Timeline decisions={record.decisions} />
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="shequ.section.members">
          <MembersTable members={record.members} reveal={{ resource: 'applications', id: record.id }} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const ApplicationShow = () => (
  <Show actions={<ApplicationActions />} queryOptions={{ refetchInterval }}>
    <ApplicationDetail />
  </Show>
);
