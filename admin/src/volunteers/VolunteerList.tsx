import { Datagrid, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { volunteerStageChoices } from '../common/stages';
import {
  ConfirmedHoursField,
  StarsField,
  SuitabilityField,
  VolunteerAreaField,
  VolunteerNameField,
  VolunteerStageField,
} from './fields';
import { starChoices } from './stars';
import { suitabilityChoices, type Volunteer } from './types';
import { VolunteerFilterSidebar } from './VolunteerFilterSidebar';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={volunteerStageChoices} />,
  ...areaFilters,
  <SelectInput key="starLevel" source="starLevel" choices={starChoices} />,
  <SelectInput key="suitability" source="suitability" choices={suitabilityChoices} />,
];

// Waiting on a decision: tinted so the approver's eye goes there first.
const rowSx = (record: Volunteer) =>
  record.stage === 'approval' || record.suitability === 'error' ? { backgroundColor: 'rgba(25, 118, 210, 0.06)' } : {};

// The API sorts by id, name, createdAt, stage, confirmedHours, starLevel.
export const VolunteerList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    aside={<VolunteerFilterSidebar />}
    className="shequ-volunteer-list"
  >
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <VolunteerNameField source="name" sortBy="name" />
      <VolunteerAreaField source="communityName" sortable={false} />
      <VolunteerStageField source="stage" />
      <SuitabilityField source="suitability" sortable={false} />
      <StarsField source="starLevel" />
      <ConfirmedHoursField source="confirmedHours" textAlign="right" />
      <DateTimeField source="lastHoursAt" sortable={false} emptyText="—" />
      <DateTimeField source="createdAt" />
    </Datagrid>
  </List>
);
