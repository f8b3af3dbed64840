import { Datagrid, List, SearchInput, TextField, TextInput } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
];

export const AuditEventList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <DateTimeField source="at" />
      <TextField source="actorUsername" emptyText="—" />
      <TextField source="action" />
      <TextField source="entityType" />
      <TextField source="entityId" sortable={false} />
    </Datagrid>
  </List>
);
