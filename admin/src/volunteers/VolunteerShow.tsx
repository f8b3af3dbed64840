import { Grid } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { Section } from '../common/Section';
import { Timeline } from '../common/Timeline';
import { AssignmentsPanel } from './AssignmentsPanel';
import { HoursPanel } from './HoursPanel';
import { volunteerRefetchInterval } from './polling';
import { RecognitionsPanel } from './RecognitionsPanel';
import { TeamsPanel } from './TeamsPanel';
import type { Volunteer } from './types';
import { VolunteerActions } from './VolunteerActions';
import { VolunteerHeader } from './VolunteerHeader';

const VolunteerDetail = () => {
  const record = useRecordContext<Volunteer>();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <VolunteerHeader record={record} />
        <TeamsPanel record={record} />
        <RecognitionsPanel record={record} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.timeline">
          <Timeline
            decisions={record.decisions}
            decisionPrefix="shequ.volunteer_decision"
            detailPrefix="shequ.volunteer_detail"
          />
        </Section>
      </Grid>
      {/* the wide tables get the whole width */}
      <Grid size={12}>
        <AssignmentsPanel record={record} />
        <HoursPanel record={record} />
      </Grid>
    </Grid>
  );
};

/** The volunteer's page: who she is, her screening and approval, teams, activities, hours and stars. */
export const VolunteerShow = () => (
  <Show
    actions={<VolunteerActions />}
    queryOptions={{ refetchInterval: (query) => volunteerRefetchInterval(query.state.data as Volunteer | undefined) }}
  >
    <VolunteerDetail />
  </Show>
);
