import { Box, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { PlacesLeft } from '../common/PlacesLeft';
import { Facts, Section } from '../common/Section';
import { SkillChips } from '../common/SkillChips';
import { useFormatSpan } from '../common/time';
import { AssignmentsTable } from './AssignmentsTable';
import { ActivityStatusChip } from './fields';
import { HomeVisitSection } from './HomeVisitSection';
import type { VolunteerActivity } from './types';

const f = (field: string) => `resources.volunteer-activities.fields.${field}`;

const ActivityDetail = () => {
  const record = useRecordContext<VolunteerActivity>();
  const translate = useTranslate();
  const span = useFormatSpan();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Section title="shequ.section.activity" className="shequ-activity">
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
            <Typography variant="h5" component="span">
              {record.title}
            </Typography>
            <ActivityStatusChip status={record.status} />
          </Stack>
          {/* what a caseworker signing someone up looks at first */}
          <Box sx={{ mb: 2 }} className="shequ-activity-places">
            <Typography variant="body2" color="text.secondary">
              {translate(f('placesLeft'))}
            </Typography>
            <Box sx={{ '& .shequ-places-left': { fontSize: '2rem' } }}>
              <PlacesLeft left={record.placesLeft} total={record.placesTotal} />
            </Box>
          </Box>
          <Facts
            rows={[
              [
                f('teamName'),
                <MuiLink component={Link} to={`/volunteer-teams/${record.teamId}/show`}>
                  {record.teamName}
                </MuiLink>,
              ],
              [f('communityName'), record.communityName],
              [f('time'), span(record.startsAt, record.endsAt)],
              [f('place'), record.place],
              [f('assigned'), record.assigned],
              [f('requiredSkills'), <SkillChips skills={record.requiredSkills} />],
              [f('servesVulnerable'), translate(record.servesVulnerable ? 'ra.boolean.true' : 'ra.boolean.false')],
            ]}
          />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        {record.homeVisitId !== null && <HomeVisitSection homeVisitId={record.homeVisitId} />}
        <Section title="shequ.section.activity_assignments">
          <AssignmentsTable activityId={record.id} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const ActivityShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <ActivityDetail />
  </Show>
);
