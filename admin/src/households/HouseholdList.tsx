import {
  Datagrid,
  List,
  NumberField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useRecordContext,
  type FieldProps,
} from 'react-admin';
import { categoryChoices } from '../applications/choices';
import { areaFilters } from '../common/AreaFilters';
import { StageChip } from '../common/StageChip';
import type { Household } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  ...areaFilters,
];

const HouseholdStage = (_props: FieldProps<Household>) => {
  const record = useRecordContext<Household>();
  return record?.stage ? <StageChip stage={record.stage} /> : null;
};

export const HouseholdList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="headName" />
      <TextField source="address" sortable={false} />
      <TextField source="communityName" />
      <TextField source="streetName" sortable={false} />
      <SelectField source="category" choices={categoryChoices} optionText={(c) => c.id} />
      <NumberField source="memberCount" sortable={false} />
      <HouseholdStage source="stage" sortable={false} />
    </Datagrid>
  </List>
);
