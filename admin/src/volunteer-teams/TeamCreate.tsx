import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { byName } from '../common/sort';
import { getUser } from '../session';
import { LeaderInput } from './LeaderInput';
import { teamKindChoices, type VolunteerTeamCreateBody } from './types';

const defaultValues = () => {
  const user = getUser();
  return { communityId: user?.role === 'caseworker' ? user.orgUnitId : undefined };
};

// The form once its required inputs are filled; a cleared leader is '' or null.
type TeamForm = Omit<VolunteerTeamCreateBody, 'leaderUserId'> & { leaderUserId?: number | '' | null };

// Only the fields POST /api/volunteer-teams takes; no leader is sent as none.
const toTeamPayload = (data: TeamForm): VolunteerTeamCreateBody => ({
  name: String(data.name ?? '').trim(),
  communityId: data.communityId,
  kind: data.kind,
  ...(typeof data.leaderUserId === 'number' ? { leaderUserId: data.leaderUserId } : {}),
});

// Pessimistic: the API's field errors must show beside the inputs before the page is left.
export const TeamCreate = () => (
  <Create mutationMode="pessimistic" redirect="show" transform={toTeamPayload}>
    <SimpleForm defaultValues={defaultValues()}>
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="communityId" reference="org-units" filter={{ kind: 'community' }} sort={byName}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput
        source="kind"
        choices={teamKindChoices}
        validate={required()}
        helperText="resources.volunteer-teams.helper.kind"
      />
      <LeaderInput />
    </SimpleForm>
  </Create>
);
