import {
  AutocompleteInput,
  BooleanInput,
  Create,
  ReferenceInput,
  SimpleForm,
  TextInput,
  regex,
  required,
} from 'react-admin';
import { validateIdNumber } from '../applications/idNumber';
import { SkillsInput } from '../common/SkillsInput';
import { byName } from '../common/sort';
import { getUser } from '../session';
import { GuardianInputs } from './GuardianInputs';
import { notUnderMinAge, toVolunteerPayload, type VolunteerForm } from './payload';
import { useVolunteerSkillSuggestions } from './useVolunteerSkillSuggestions';

// A community caseworker mostly registers people of her own community: start there.
const defaultValues = () => {
  const user = getUser();
  return {
    communityId: user?.role === 'caseworker' ? user.orgUnitId : undefined,
    skills: [],
    partyMember: false,
    servesVulnerable: false,
  };
};

// Pessimistic: the API checks the ID number, the age and the guardian; its field errors must
// show beside the inputs before the caseworker leaves the page. Screening then runs by itself.
export const VolunteerCreate = () => {
  const suggestions = useVolunteerSkillSuggestions();
  return (
    <Create mutationMode="pessimistic" redirect="show" transform={(data: VolunteerForm) => toVolunteerPayload(data)}>
      <SimpleForm defaultValues={defaultValues()} mode="onBlur" reValidateMode="onChange">
        <TextInput source="name" validate={required()} />
        <TextInput
          source="idNumber"
          validate={[required(), validateIdNumber, notUnderMinAge]}
          helperText="resources.volunteers.helper.idNumber"
        />
        <GuardianInputs />
        <TextInput source="phone" validate={[required(), regex(/^[\d\- +]{5,20}$/, 'shequ.validation.phone')]} />
        <ReferenceInput source="communityId" reference="org-units" filter={{ kind: 'community' }} sort={byName}>
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <SkillsInput source="skills" suggestions={suggestions} />
        <TextInput source="availability" fullWidth helperText="resources.volunteers.helper.availability" />
        <BooleanInput source="partyMember" />
        <BooleanInput source="servesVulnerable" helperText="resources.volunteers.helper.servesVulnerable" />
      </SimpleForm>
    </Create>
  );
};
