import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import { byName } from '../common/sort';

// Pessimistic: a duplicate name is refused by the API and must show beside the input.
export const EmployerCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="streetId" reference="org-units" filter={{ kind: ['street', 'town'] }} sort={byName}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="address" fullWidth />
      <TextInput source="contact" />
      <TextInput source="phone" validate={regex(/^[\d\- +]{5,20}$/, 'shequ.validation.phone')} />
    </SimpleForm>
  </Create>
);
