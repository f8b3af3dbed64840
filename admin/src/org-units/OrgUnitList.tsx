import {
  Datagrid,
  List,
  NumberField,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { kindChoices } from './kinds';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
];

export const OrgUnitList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={kindChoices} />
      <ReferenceField source="parentId" reference="org-units" link="show" emptyText="—" />
      <NumberField source="residents" />
    </Datagrid>
  </List>
);
