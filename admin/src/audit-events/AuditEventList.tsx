import { Datagrid, List, SearchInput, TextField, TextInput } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ActionField, ActorField, EntityTypeField } from './fields';
import { shanghaiLocal, shanghaiLocalToIso } from '../common/time';

// The range is typed in Beijing time to the minute; "to" takes in the whole minute it names.
const fromBeijing = (v: string) => shanghaiLocalToIso(v);
const toBeijing = (v: string) => {
  const iso = shanghaiLocalToIso(v);
  return iso && new Date(Date.parse(iso) + 59_999).toISOString();
};
const asBeijing = (iso: string | undefined) => (iso ? shanghaiLocal(new Date(iso)) : '');
const shrink = { inputLabel: { shrink: true } };

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="actorUsername" source="actorUsername" />,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput
    key="at_gte"
    source="at_gte"
    type="datetime-local"
    parse={fromBeijing}
    format={asBeijing}
    slotProps={shrink}
  />,
  <TextInput
    key="at_lte"
    source="at_lte"
    type="datetime-local"
    parse={toBeijing}
    format={asBeijing}
    slotProps={shrink}
  />,
];

export const AuditEventList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <DateTimeField source="at" />
      <ActorField source="actorName" />
      <ActionField source="action" />
      <EntityTypeField source="entityType" />
      <TextField source="entityId" sortable={false} />
    </Datagrid>
  </List>
);
