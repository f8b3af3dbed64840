import { Grid, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { RevealButton } from '../common/RevealButton';
import { Facts, Section } from '../common/Section';
import { SkillChips } from '../common/SkillChips';
import { StageChip } from '../common/StageChip';
import { useFormatInstant } from '../common/time';
import type { JobSeeker } from './types';

const f = (field: string) => `resources.job-seekers.fields.${field}`;

/** A person's referrals, newest first: each is one search for work. */
const ReferralsTable = ({ record }: { record: JobSeeker }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const referrals = record.referrals ?? [];
  if (referrals.length === 0)
    return <Typography color="text.secondary">{translate('resources.job-seekers.no_referrals')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.referrals.fields.id')}</TableCell>
          <TableCell>{translate('resources.referrals.fields.stage')}</TableCell>
          <TableCell>{translate('resources.referrals.fields.createdAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {referrals.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <MuiLink component={Link} to={`/referrals/${r.id}/show`}>
                #{r.id}
              </MuiLink>
            </TableCell>
            <TableCell>
              <StageChip stage={r.stage} />
            </TableCell>
            <TableCell>{format(r.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const SeekerDetail = () => {
  const record = useRecordContext<JobSeeker>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Section title="shequ.section.seeker">
          <Typography variant="h5" gutterBottom>
            {record.name}
          </Typography>
          <Facts
            rows={[
              [
                f('idNumberMasked'),
                <RevealButton resource="job-seekers" id={record.id} field="idNumber" masked={record.idNumberMasked} />,
              ],
              [f('age'), record.age],
              [f('communityName'), `${record.communityName} · ${record.streetName}`],
              [f('education'), translate(`shequ.education.${record.education}`, { _: record.education })],
              [f('skills'), <SkillChips skills={record.skills} />],
            ]}
          />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.referrals">
          <ReferralsTable record={record} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const SeekerShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <SeekerDetail />
  </Show>
);
