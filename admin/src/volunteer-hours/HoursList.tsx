import { AutocompleteInput, Datagrid, List, ReferenceInput, SelectInput, TextField, usePermissions } from 'react-admin';
import { isAllowed } from '../access';
import type { Role } from '../roles';
import { BulkResultProvider } from './BulkResultDialog';
import { ConfirmSelectedButton } from './ConfirmSelectedButton';
import { ActivityField, DecidedField, HoursField, LoggedField, VolunteerLinkField } from './fields';
import { HoursFilterSidebar } from './HoursFilterSidebar';
import { HoursRowActions } from './HoursRowActions';
import { HoursStatusField } from './HoursStatusField';
import { hoursStatusChoices, type VolunteerHours } from './types';

const filters = [
  <SelectInput key="status" source="status" choices={hoursStatusChoices} alwaysOn />,
  <ReferenceInput key="teamId" source="teamId" reference="volunteer-teams">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="activityId" source="activityId" reference="volunteer-activities">
    <AutocompleteInput optionText="title" />
  </ReferenceInput>,
  <ReferenceInput key="volunteerId" source="volunteerId" reference="volunteers">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

// The API sorts by id, loggedAt, minutes, status, volunteerName. Only entries still waiting can be confirmed.
const pending = (record: VolunteerHours) => record.status === 'pending';

/**
 * Hours logged after activities, waiting first: a team leader confirms his teams' (one by one or
 * the selected ones at once) or rejects one with a reason; confirmed hours count for stars.
 */
export const HoursList = () => {
  const { permissions: role } = usePermissions<Role | undefined>();
  const mayConfirm = isAllowed(role, 'volunteer-hours', 'confirm');
  return (
    <BulkResultProvider>
      <List
        filters={filters}
        filterDefaultValues={{ status: 'pending' }}
        sort={{ field: 'id', order: 'DESC' }}
        exporter={false}
        aside={<HoursFilterSidebar />}
        className="shequ-hours-list"
      >
        <Datagrid
          rowClick={false}
          bulkActionButtons={mayConfirm ? <ConfirmSelectedButton /> : false}
          isRowSelectable={pending}
        >
          <TextField source="id" />
          <VolunteerLinkField source="volunteerName" />
          <ActivityField source="title" sortable={false} />
          <HoursField source="minutes" label="resources.volunteer-hours.fields.hours" textAlign="right" />
          <HoursStatusField source="status" />
          <LoggedField source="loggedAt" />
          <DecidedField source="decidedAt" sortable={false} />
          {mayConfirm && <HoursRowActions source="id" label="" sortable={false} />}
        </Datagrid>
      </List>
    </BulkResultProvider>
  );
};
