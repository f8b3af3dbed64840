import { NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { kindChoices } from './kinds';

export const OrgUnitShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={kindChoices} />
      <ReferenceField source="parentId" reference="org-units" link="show" emptyText="—" />
      <TextField source="path" />
      <NumberField source="residents" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
