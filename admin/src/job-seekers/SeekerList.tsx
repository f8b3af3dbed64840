import { Datagrid, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { referralStageChoices } from '../common/stages';
import { EducationField, SeekerStageField, SkillsField } from './fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={referralStageChoices} />,
  ...areaFilters,
];

// The API sorts by id, name, communityName.

export const SeekerList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="idNumberMasked" sortable={false} sx={{ fontFamily: 'monospace' }} />
      <NumberField source="age" sortable={false} />
      <TextField source="communityName" />
      <EducationField source="education" sortable={false} />
      <SkillsField source="skills" sortable={false} />
      <SeekerStageField source="stage" sortable={false} />
    </Datagrid>
  </List>
);
