import {
  AutocompleteInput,
  Datagrid,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { byName } from '../common/sort';
import { categoryChoices } from './choices';
import { StageField } from './StageField';
import { stageChoices } from './stages';
import type { Application } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} />,
  <ReferenceInput key="communityId" source="communityId" reference="org-units" filter={{ kind: 'community' }} sort={byName}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

// Past the stage's deadline: tinted so a supervisor's eye goes there first.
const rowSx = (record: Application) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

// The API sorts only by id, headName, stage, stageSince (and createdAt, deadlineAt).
export const ApplicationList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <TextField source="headName" />
      <TextField source="communityName" sortable={false} />
      <TextField source="streetName" sortable={false} />
      <SelectField source="category" choices={categoryChoices} sortable={false} />
      <NumberField source="memberCount" sortable={false} />
      <StageField source="stage" />
      <DateTimeField source="stageSince" />
    </Datagrid>
  </List>
);
