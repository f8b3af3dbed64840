import { Button as MuiButton, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { CreateButton, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Facts, Section } from '../common/Section';
import { OpeningsTable } from '../job-openings/OpeningsTable';
import type { Employer } from './types';

const f = (field: string) => `resources.employers.fields.${field}`;

const Actions = () => {
  const record = useRecordContext<Employer>();
  return (
    <TopToolbar>
      {/* a new opening starts with this employer chosen */}
      {record && (
        <CreateButton
          resource="job-openings"
          label="resources.employers.action.add_opening"
          state={{ record: { employerId: record.id, streetId: record.streetId } }}
        />
      )}
      <ListButton />
    </TopToolbar>
  );
};

const EmployerDetail = () => {
  const record = useRecordContext<Employer>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <Section title="shequ.section.employer">
          <Stack direction="row" spacing={1} alignItems="baseline" sx={{ mb: 1 }}>
            <Typography variant="h5">{record.name}</Typography>
          </Stack>
          <Facts
            rows={[
              [f('streetName'), record.streetName],
              [f('address'), record.address || '—'],
              [f('contact'), record.contact || '—'],
              [f('phone'), record.phone || '—'],
              [f('openings'), record.openings],
              [f('placesLeft'), record.placesLeft],
            ]}
          />
          <MuiButton
            component={Link}
            to={`/job-openings?filter=${encodeURIComponent(JSON.stringify({ employerId: record.id }))}`}
            variant="outlined"
            size="small"
            sx={{ mt: 1 }}
          >
            {translate('resources.employers.action.all_openings')}
          </MuiButton>
        </Section>
        <Section title="shequ.section.openings">
          <OpeningsTable employerId={record.id} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const EmployerShow = () => (
  <Show actions={<Actions />}>
    <EmployerDetail />
  </Show>
);
