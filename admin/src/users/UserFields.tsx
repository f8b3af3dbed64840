import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { byName } from '../common/sort';
import { roleChoices } from '../roles';

/** The inputs create and edit share. */
export const UserFields = () => (
  <>
    <TextInput source="displayName" validate={required()} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <ReferenceInput source="orgUnitId" reference="org-units" sort={byName}>
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <BooleanInput source="active" defaultValue={true} />
  </>
);
