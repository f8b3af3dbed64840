import { Datagrid, List, NumberField, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { categoryChoices } from '../applications/choices';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { EnrollmentFilterSidebar } from './EnrollmentFilterSidebar';
import { StatusField } from './StatusField';
import { statusChoices, type Enrollment } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  ...areaFilters,
];

// A re-check past its deadline is tinted like an overdue application; one merely due, lightly.
const rowSx = (record: Enrollment) =>
  record.overdue
    ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' }
    : record.recheckDue
      ? { backgroundColor: 'rgba(237, 108, 2, 0.08)' }
      : {};

export const EnrollmentList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} aside={<EnrollmentFilterSidebar />}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <TextField source="headName" />
      <TextField source="communityName" />
      <SelectField source="category" choices={categoryChoices} optionText={(c) => c.id} sortable={false} />
      <NumberField source="members" />
      <MoneyField source="amountFen" />
      <StatusField source="status" sortable={false} />
      <TextField source="effectiveFrom" />
      <DateTimeField source="nextRecheckAt" emptyText="—" />
    </Datagrid>
  </List>
);
