import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Grid, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, CreateButton, ListButton, Show, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { isAllowed } from '../access';
import { Facts, Section } from '../common/Section';
import type { Role } from '../roles';
import { AddMemberDialog } from './AddMemberDialog';
import { MembersTable } from './MembersTable';
import { TeamActivities } from './TeamActivities';
import { TeamKindChip } from './TeamKindField';
import type { VolunteerTeam } from './types';

const f = (field: string) => `resources.volunteer-teams.fields.${field}`;

const Actions = () => {
  const record = useRecordContext<VolunteerTeam>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [adding, setAdding] = useState(false);
  return (
    <TopToolbar>
      {record && isAllowed(role, 'volunteer-teams', 'add_member') && (
        <Button
          label="resources.volunteer-teams.action.add_member"
          onClick={() => setAdding(true)}
          data-action="add_member"
        >
          <PersonAddIcon />
        </Button>
      )}
      {/* a new activity starts with this team chosen */}
      {record && isAllowed(role, 'volunteer-activities', 'create') && (
        <CreateButton
          resource="volunteer-activities"
          label="resources.volunteer-teams.action.add_activity"
          state={{ record: { teamId: record.id } }}
        />
      )}
      <ListButton />
      {record && adding && <AddMemberDialog team={record} onClose={() => setAdding(false)} />}
    </TopToolbar>
  );
};

const TeamDetail = () => {
  const record = useRecordContext<VolunteerTeam>();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.team" className="shequ-team">
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
            <Typography variant="h5" component="span">
              {record.name}
            </Typography>
            <TeamKindChip kind={record.kind} />
          </Stack>
          <Facts
            rows={[
              [f('communityName'), record.communityName],
              [f('leaderName'), record.leaderName ?? '—'],
              [f('members'), record.members],
              [f('activities'), record.activities],
            ]}
          />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Section title="shequ.section.team_members" className="shequ-team-member-list">
          <MembersTable members={record.memberList ?? []} />
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="shequ.section.team_activities">
          <TeamActivities teamId={record.id} />
        </Section>
      </Grid>
    </Grid>
  );
};

export const TeamShow = () => (
  <Show actions={<Actions />}>
    <TeamDetail />
  </Show>
);
