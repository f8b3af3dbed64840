import { Alert, Button as MuiButton, Chip, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { CalculationView } from '../common/CalculationView';
import { MembersTable } from '../common/MembersTable';
import { formatFen } from '../common/money';
import { Facts, Section } from '../common/Section';
import { StageChip } from '../common/StageChip';
import { Timeline } from '../common/Timeline';
import { useFormatInstant } from '../common/time';
import { EnrollmentActionButtons } from './EnrollmentActionButtons';
import { TermsTable } from './TermsTable';
import type { Enrollment } from './types';

const Actions = () => {
  const record = useRecordContext<Enrollment>();
  return (
    <TopToolbar className="shequ-case-actions">
      {record && (
        <EnrollmentActionButtons
          allowed={record.allowedActions ?? []}
          target={{
            enrollmentId: record.id,
            name: `#${record.id} ${record.headName}`,
            members: record.householdMembers ?? [],
            amountFen: record.amountFen,
            calculation: record.terms?.[0]?.calculation,
          }}
        />
      )}
      <ListButton />
    </TopToolbar>
  );
};

const Header = ({ record }: { record: Enrollment }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  return (
    <Section title="shequ.section.enrollment" className="shequ-enrollment-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography variant="h5" component="span">
          #{record.id} {record.headName}
        </Typography>
        <Chip
          label={translate(`shequ.status.${record.status}`, { _: record.status })}
          color={record.status === 'active' ? 'success' : record.status === 'suspended' ? 'warning' : 'default'}
        />
        {/* enrolled / suspended / terminated say what the status says; recheck_due adds something */}
        {!['enrolled', 'suspended', 'terminated'].includes(record.stage) && (
          <StageChip stage={record.stage} size="medium" />
        )}
        {record.recheckDue && (
          <Chip color="warning" variant="outlined" label={translate('shequ.filters.recheck_due')} />
        )}
        {record.overdue && <Chip color="error" label={translate('shequ.overdue')} />}
      </Stack>
      {record.overdue && record.deadlineAt && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('shequ.deadline.overdue', { at: format(record.deadlineAt) })}
        </Alert>
      )}
      <Facts
        rows={[
          ['resources.enrollments.fields.amountFen', <strong>{formatFen(record.amountFen)}</strong>],
          ['resources.enrollments.fields.members', record.members],
          ['resources.enrollments.fields.communityName', `${record.communityName} · ${record.streetName}`],
          ['resources.enrollments.fields.category', translate(`shequ.category.${record.category}`)],
          ['resources.enrollments.fields.effectiveFrom', record.effectiveFrom],
          ['resources.enrollments.fields.effectiveTo', record.effectiveTo ?? '—'],
          ['resources.enrollments.fields.nextRecheckAt', format(record.nextRecheckAt)],
          ['resources.enrollments.fields.deadlineAt', format(record.deadlineAt)],
        ]}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} useFlexGap flexWrap="wrap">
        <MuiButton component={Link} to={`/applications/${record.applicationId}/show`} variant="outlined" size="small">
          {translate('shequ.application_link', { id: record.applicationId })}
        </MuiButton>
        <MuiButton
          component={Link}
          to={`/payments?filter=${encodeURIComponent(JSON.stringify({ enrollmentId: record.id }))}`}
          variant="outlined"
          size="small"
        >
          {translate('shequ.disbursement.payments_link')}
        </MuiButton>
      </Stack>
    </Section>
  );
};

const EnrollmentDetail = () => {
  const record = useRecordContext<Enrollment>();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Header record={record} />
        <Section title="shequ.section.amount">
          <CalculationView calculation={record.terms?.[0]?.calculation} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.timeline">
          <Timeline decisions={record.decisions} />
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="shequ.section.members">
          <MembersTable members={record.householdMembers} reveal={{ resource: 'households', id: record.householdId }} />
        </Section>
        <Section title="shequ.section.terms">
          <TermsTable terms={record.terms} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const EnrollmentShow = () => (
  <Show actions={<Actions />}>
    <EnrollmentDetail />
  </Show>
);
