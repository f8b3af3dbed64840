import {
  AutocompleteInput,
  Datagrid,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { byName } from '../common/sort';
import { OpeningFilterSidebar } from './OpeningFilterSidebar';
import { PlacesLeftField, RequiredSkillsField, StatusField, WageRangeField } from './fields';
import { openingStatusChoices, type JobOpening } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={openingStatusChoices} alwaysOn />,
  areaFilters[0],
  <ReferenceInput key="employerId" source="employerId" reference="employers" sort={byName}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

// A full or closed opening is greyed: nobody can be proposed to it.
const rowSx = (record: JobOpening) => (record.status !== 'open' || record.placesLeft <= 0 ? { opacity: 0.6 } : {});

// The API sorts by id, title, placesLeft, wageMaxFen, employerName, createdAt.
export const OpeningList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    aside={<OpeningFilterSidebar />}
    className="shequ-opening-list"
  >
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <TextField source="title" />
      <TextField source="employerName" />
      <TextField source="streetName" sortable={false} />
      <RequiredSkillsField source="requiredSkills" sortable={false} />
      <WageRangeField source="wageMinFen" label="resources.job-openings.fields.wage" sortable={false} />
      <NumberField source="hoursPerWeek" sortable={false} />
      <PlacesLeftField source="placesLeft" />
      <StatusField source="status" sortable={false} />
    </Datagrid>
  </List>
);
