import { Button as MuiButton, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useGetOne, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { formatFen } from '../common/money';
import { RevealButton } from '../common/RevealButton';
import { Facts, Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import type { RunDetail } from '../disbursement-runs/types';
import type { Role } from '../roles';
import { LineActions } from './LineActions';
import { FailureReason, KindLabel, PaymentStatusChip } from './PaymentStatusField';
import type { Payment } from './types';

const f = (field: string) => `resources.payments.fields.${field}`;

/** The line's run, for those who may read runs (district roles): its phase decides the actions. */
function useRun(payment: Payment | undefined) {
  const { permissions: role } = usePermissions<Role | undefined>();
  const readable = isAllowed(role, 'disbursement-runs', 'show');
  const { data } = useGetOne<RunDetail>(
    'disbursement-runs',
    { id: payment?.runId ?? 0 },
    { enabled: !!payment && readable },
  );
  return { run: data, readable };
}

const Actions = () => {
  const record = useRecordContext<Payment>();
  const { run } = useRun(record);
  return (
    <TopToolbar>
      {record && run && <LineActions payment={record} runResolving={run.phase === 'resolving'} />}
      <ListButton />
    </TopToolbar>
  );
};

const PaymentDetail = () => {
  const record = useRecordContext<Payment>();
  const translate = useTranslate();
  const format = useFormatInstant();
  const { readable } = useRun(record);
  if (!record) return null;
  const p = record;
  const related = (key: string, id: number | null) =>
    id ? <Link to={`/payments/${id}/show`}>{translate(key, { id })}</Link> : '—';
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Section title="shequ.disbursement.section.payment" className="shequ-payment-header">
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
            <Typography variant="h5" component="span">
              #{p.id} {p.name}
            </Typography>
            <PaymentStatusChip status={p.status} />
          </Stack>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {formatFen(p.amountFen)}
          </Typography>
          <Facts
            rows={[
              [f('period'), p.period],
              [f('kind'), <KindLabel kind={p.kind} />],
              [f('note'), p.note ?? '—'],
              [f('failureReason'), p.failureReason ? <FailureReason reason={p.failureReason} /> : '—'],
              [f('communityName'), `${p.communityName} · ${p.streetName}`],
              [
                f('accountMasked'),
                <RevealButton resource="payments" id={p.id} field="bankAccount" masked={p.accountMasked} />,
              ],
              [f('bankFileSeq'), p.bankFileSeq ?? '—'],
              [f('reissueOf'), related('shequ.disbursement.line_ref', p.reissueOf)],
              [f('arrearsOf'), related('shequ.disbursement.line_ref', p.arrearsOf)],
              [f('createdAt'), format(p.createdAt)],
              [f('updatedAt'), format(p.updatedAt)],
            ]}
          />
          <Stack direction="row" spacing={1} sx={{ mt: 2 }} useFlexGap flexWrap="wrap">
            <MuiButton component={Link} to={`/enrollments/${p.enrollmentId}/show`} variant="outlined" size="small">
              {translate('shequ.enrollment_link')}
            </MuiButton>
            {readable && (
              <MuiButton component={Link} to={`/disbursement-runs/${p.runId}/show`} variant="outlined" size="small">
                {translate('shequ.disbursement.run_link', { period: p.period })}
              </MuiButton>
            )}
          </Stack>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.disbursement.section.derivation" className="shequ-payment-derivation">
          <Facts
            rows={[
              [f('standardFen'), formatFen(p.standardFen)],
              [f('floorPerPersonFen'), formatFen(p.floorPerPersonFen)],
              [f('members'), p.members],
              [f('totalIncomeFen'), formatFen(p.totalIncomeFen)],
            ]}
          />
          <Typography variant="body2" sx={{ fontFamily: 'monospace', mt: 1, wordBreak: 'break-word' }}>
            {translate('shequ.disbursement.formula', {
              standard: formatFen(p.standardFen),
              members: p.members,
              income: formatFen(p.totalIncomeFen),
              floor: formatFen(p.floorPerPersonFen),
              amount: formatFen(p.amountFen),
            })}
          </Typography>
          {p.kind !== 'regular' && (
            <Typography variant="caption" color="text.secondary">
              {translate(`shequ.disbursement.derivation_${p.kind}`)}
            </Typography>
          )}
        </Section>
      </Grid>
    </Grid>
  );
};

export const PaymentShow = () => (
  <Show actions={<Actions />}>
    <PaymentDetail />
  </Show>
);
