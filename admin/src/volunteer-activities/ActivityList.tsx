import { AutocompleteInput, Datagrid, List, NumberField, ReferenceInput, SearchInput, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { ActivityFilterSidebar } from './ActivityFilterSidebar';
import {
  ActivityStatusField,
  ActivityTitleField,
  PlacesLeftField,
  RequiredSkillsField,
  SpanField,
  VulnerableField,
} from './fields';
import type { VolunteerActivity } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="teamId" source="teamId" reference="volunteer-teams">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  areaFilters[1],
];

// Cancelled, over or full: greyed, nobody can sign up.
const rowSx = (record: VolunteerActivity) =>
  record.status !== 'open' || record.placesLeft <= 0 || Date.parse(record.startsAt) <= Date.now()
    ? { opacity: 0.6 }
    : {};

// The API sorts by id, startsAt, title, placesLeft, teamName.
export const ActivityList = () => (
  <List
    filters={filters}
    sort={{ field: 'startsAt', order: 'DESC' }}
    exporter={false}
    aside={<ActivityFilterSidebar />}
    className="shequ-activity-list"
  >
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <ActivityTitleField source="title" sortBy="title" />
      <SpanField source="startsAt" label="resources.volunteer-activities.fields.time" />
      <TextField source="place" sortable={false} />
      <PlacesLeftField source="placesLeft" />
      <NumberField source="assigned" sortable={false} />
      <RequiredSkillsField source="requiredSkills" sortable={false} />
      <VulnerableField source="servesVulnerable" sortable={false} />
      <ActivityStatusField source="status" sortable={false} />
    </Datagrid>
  </List>
);
