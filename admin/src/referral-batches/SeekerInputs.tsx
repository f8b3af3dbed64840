import {
  ArrayInput,
  AutocompleteInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  regex,
  required,
} from 'react-admin';
import { validateIdNumber } from '../applications/idNumber';
import { SkillsInput } from '../common/SkillsInput';
import { byName } from '../common/sort';
import { educationChoices } from '../referrals/choices';
import { validateSeekers } from './payload';

const label = (field: string) => `resources.referral-batches.seeker.${field}`;

/** One row per person on the enterprise's list: the ID number is checked as it is typed. */
export const SeekerInputs = () => (
  <ArrayInput source="seekers" validate={validateSeekers}>
    <SimpleFormIterator
      disableReordering
      sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 1 } }}
    >
      <TextInput source="name" label={label('name')} validate={required()} />
      <TextInput source="idNumber" label={label('idNumber')} validate={[required(), validateIdNumber]} />
      <ReferenceInput source="communityId" reference="org-units" filter={{ kind: 'community' }} sort={byName}>
        <AutocompleteInput optionText="name" label={label('communityId')} validate={required()} />
      </ReferenceInput>
      <TextInput source="phone" label={label('phone')} validate={regex(/^[\d\- +]{0,20}$/, 'shequ.validation.phone')} />
      <SelectInput source="education" label={label('education')} choices={educationChoices} validate={required()} />
      <SkillsInput source="skills" label={label('skills')} />
      <TextInput source="experience" label={label('experience')} multiline fullWidth />
    </SimpleFormIterator>
  </ArrayInput>
);
