import { Typography } from '@mui/material';
import { Datagrid, ListContextProvider, TextField, useGetList, useList, useTranslate } from 'react-admin';
import { ActivityStatusField, PlacesLeftField, SpanField } from '../volunteer-activities/fields';
import type { VolunteerActivity } from '../volunteer-activities/types';

/** A team's activities, newest first, on the team's page. */
export const TeamActivities = ({ teamId }: { teamId: number }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<VolunteerActivity>('volunteer-activities', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'DESC' },
    filter: { teamId },
  });
  const list = useList({ data: data ?? [], isPending, resource: 'volunteer-activities' });
  return (
    <ListContextProvider value={list}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        resource="volunteer-activities"
        empty={<Typography color="text.secondary">{translate('resources.volunteer-activities.empty')}</Typography>}
      >
        <TextField source="title" sortable={false} />
        <SpanField source="startsAt" label="resources.volunteer-activities.fields.time" sortable={false} />
        <TextField source="place" sortable={false} />
        <PlacesLeftField source="placesLeft" sortable={false} />
        <ActivityStatusField source="status" sortable={false} />
      </Datagrid>
    </ListContextProvider>
  );
};
