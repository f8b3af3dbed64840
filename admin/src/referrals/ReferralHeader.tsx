import { Alert, Button as MuiButton, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { RevealButton } from '../common/RevealButton';
import { Facts, Section } from '../common/Section';
import { StageChip } from '../common/StageChip';
import { useFormatInstant } from '../common/time';
import type { Referral } from './types';

const f = (field: string) => `resources.referrals.fields.${field}`;

/** Who the seeker is, where the referral stands, and by when she should be placed. */
export const ReferralHeader = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const seeker = record.seeker;
  return (
    <Section title="shequ.section.referral" className="shequ-case-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography variant="h5" component="span">
          #{record.id} {record.seekerName}
        </Typography>
        <StageChip stage={record.stage} size="medium" />
        {record.overdue && <Chip color="error" label={translate('shequ.overdue')} />}
      </Stack>
      {record.overdue && record.deadlineAt && (
        <Alert severity="error" sx={{ mb: 1 }} className="shequ-overdue">
          {translate('shequ.referral.overdue', { at: format(record.deadlineAt) })}
        </Alert>
      )}
      <Facts
        rows={[
          [
            f('idNumberMasked'),
            <RevealButton
              resource="job-seekers"
              id={record.seekerId}
              field="idNumber"
              masked={record.idNumberMasked}
            />,
          ],
          [f('age'), record.age],
          [f('phone'), seeker?.phone || '—'],
          [f('communityName'), `${record.communityName} · ${record.streetName}`],
          [f('enterpriseName'), record.enterpriseName],
          [f('createdAt'), format(record.createdAt)],
          [f('stageSince'), format(record.stageSince)],
          [f('deadlineAt'), format(record.deadlineAt)],
          [f('workflowId'), <code>{record.workflowId}</code>],
        ]}
      />
      {record.closedReason && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('shequ.closed_reason')}：{record.closedReason}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} useFlexGap flexWrap="wrap">
        <MuiButton component={Link} to={`/job-seekers/${record.seekerId}/show`} variant="outlined" size="small">
          {translate('shequ.referral.seeker_link')}
        </MuiButton>
        {record.batchId != null && (
          <MuiButton
            component={Link}
            to={`/referrals?filter=${encodeURIComponent(JSON.stringify({ batchId: record.batchId }))}`}
            variant="outlined"
            size="small"
          >
            {translate('shequ.referral.batch_link', { id: record.batchId })}
          </MuiButton>
        )}
      </Stack>
    </Section>
  );
};
