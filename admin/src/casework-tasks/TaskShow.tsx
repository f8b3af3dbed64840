import { Alert, Button as MuiButton, Chip, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Facts, Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { DoneButton } from './DoneButton';
import { referralOf, type CaseworkTask } from './types';

const Actions = () => (
  <TopToolbar>
    <DoneButton />
    <ListButton />
  </TopToolbar>
);

const TaskDetail = () => {
  const record = useRecordContext<CaseworkTask>();
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!record) return null;
  const referralId = referralOf(record);
  const exitedOn = typeof record.details.exitedOn === 'string' ? record.details.exitedOn.slice(0, 10) : null;
  const f = (name: string) => `resources.casework-tasks.fields.${name}`;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Section title="resources.casework-tasks.name">
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
            <Typography variant="h6" component="span">
              #{record.id} {translate(`shequ.casework_task.kind.${record.kind}`)}
            </Typography>
            <Chip
              label={translate(`shequ.casework_task.status.${record.status}`)}
              color={record.status === 'done' ? 'success' : 'default'}
            />
            {record.overdue && <Chip color="error" label={translate('shequ.casework_task.overdue')} />}
          </Stack>
          {record.overdue && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {translate('shequ.casework_task.overdue_alert', { at: format(record.dueAt) })}
            </Alert>
          )}
          <Typography variant="body1" sx={{ mb: 2 }}>
            {record.title}
          </Typography>
          <Facts
            rows={[
              [f('headName'), `#${record.householdId} ${record.headName}`],
              [f('communityName'), `${record.communityName} · ${record.streetName}`],
              [f('dueAt'), format(record.dueAt)],
              [f('createdAt'), format(record.createdAt)],
              ...(exitedOn ? [['shequ.casework_task.exited_on', exitedOn] as [string, string]] : []),
            ]}
          />
          <Stack direction="row" spacing={1} sx={{ mt: 2 }} useFlexGap flexWrap="wrap">
            <MuiButton component={Link} to={`/households/${record.householdId}/show`} variant="outlined" size="small">
              {translate('shequ.casework_task.household_link')}
            </MuiButton>
            {record.applicationId != null && (
              <MuiButton
                component={Link}
                to={`/applications/${record.applicationId}/show`}
                variant="outlined"
                size="small"
              >
                {translate('shequ.application_link', { id: record.applicationId })}
              </MuiButton>
            )}
            {referralId != null && (
              <MuiButton component={Link} to={`/referrals/${referralId}/show`} variant="outlined" size="small">
                {translate('shequ.casework_task.referral_link', { id: referralId })}
              </MuiButton>
            )}
          </Stack>
        </Section>
      </Grid>
      {record.status === 'done' && (
        <Grid size={{ xs: 12, lg: 4 }}>
          <Section title={f('outcome')}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>
              {record.outcome}
            </Typography>
            <Facts
              rows={[
                [f('doneByName'), record.doneByName ?? '—'],
                [f('doneAt'), format(record.doneAt)],
              ]}
            />
          </Section>
        </Grid>
      )}
    </Grid>
  );
};

export const TaskShow = () => (
  <Show actions={<Actions />}>
    <TaskDetail />
  </Show>
);
