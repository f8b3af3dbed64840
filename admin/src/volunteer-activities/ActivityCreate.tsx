import {
  AutocompleteInput,
  BooleanInput,
  Create,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxValue,
  useGetIdentity,
  usePermissions,
  minValue,
  required,
} from 'react-admin';
import { SkillsInput } from '../common/SkillsInput';
import { useVolunteerSkillSuggestions } from '../volunteers/useVolunteerSkillSuggestions';
import { endsAfterStart, inFuture, isoAsLocal, localAsIso, toActivityPayload, type ActivityForm } from './payload';

const timeInput = {
  type: 'datetime-local',
  format: isoAsLocal,
  parse: localAsIso,
  slotProps: { inputLabel: { shrink: true } },
} as const;

// Pessimistic: the API's field errors (a past start, an end before it) must show beside the inputs.
export const ActivityCreate = () => {
  const suggestions = useVolunteerSkillSuggestions();
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions<string | undefined>();
  return (
    <Create mutationMode="pessimistic" redirect="show" transform={(data: ActivityForm) => toActivityPayload(data)}>
      <SimpleForm
        defaultValues={{ placesTotal: 10, requiredSkills: [], servesVulnerable: false }}
        mode="onBlur"
        reValidateMode="onChange"
      >
        {/* a team leader plans for the teams she leads only */}
        <ReferenceInput
          source="teamId"
          reference="volunteer-teams"
          filter={role === 'team_leader' && identity ? { leaderUserId: identity.id } : undefined}
        >
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput
          source="startsAt"
          {...timeInput}
          validate={[required(), inFuture]}
          helperText="resources.volunteer-activities.helper.beijing_time"
        />
        <TextInput
          source="endsAt"
          {...timeInput}
          validate={[required(), endsAfterStart]}
          helperText="resources.volunteer-activities.helper.beijing_time"
        />
        <TextInput source="place" validate={required()} fullWidth />
        <NumberInput source="placesTotal" step={1} validate={[required(), minValue(1), maxValue(1000)]} />
        <SkillsInput source="requiredSkills" suggestions={suggestions} />
        <BooleanInput source="servesVulnerable" helperText="resources.volunteer-activities.helper.servesVulnerable" />
      </SimpleForm>
    </Create>
  );
};
