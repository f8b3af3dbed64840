import {
  BooleanField,
  Datagrid,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { roleChoices } from '../roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="orgUnitId" reference="org-units" link={false} />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);
