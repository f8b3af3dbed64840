import { Datagrid, List, NumberField, SearchInput, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';

const filters = [<SearchInput key="q" source="q" alwaysOn />, areaFilters[0]];

// The API sorts by id, name, streetName.

export const EmployerList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="streetName" />
      <TextField source="address" sortable={false} />
      <TextField source="contact" sortable={false} />
      <TextField source="phone" sortable={false} />
      <NumberField source="openings" sortable={false} />
      <NumberField source="placesLeft" sortable={false} />
    </Datagrid>
  </List>
);
