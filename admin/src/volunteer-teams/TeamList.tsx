import { Datagrid, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { TeamKindField } from './TeamKindField';
import { teamKindChoices } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={teamKindChoices} />,
  ...areaFilters,
];

// The API sorts by id, name, communityName, kind.
export const TeamList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} className="shequ-team-list">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TeamKindField source="kind" />
      <TextField source="communityName" />
      <TextField source="leaderName" sortable={false} emptyText="—" />
      <NumberField source="members" sortable={false} />
      <NumberField source="activities" sortable={false} />
    </Datagrid>
  </List>
);
