import { Typography } from '@mui/material';
import { Datagrid, ListContextProvider, TextField, useGetList, useList, useTranslate } from 'react-admin';
import { PlacesLeftField, StatusField, WageRangeField } from './fields';
import type { JobOpening } from './types';

/** An employer's openings, on the employer's page. */
export const OpeningsTable = ({ employerId }: { employerId: number }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<JobOpening>('job-openings', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'DESC' },
    filter: { employerId },
  });
  const list = useList({ data: data ?? [], isPending, resource: 'job-openings' });
  return (
    <ListContextProvider value={list}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        resource="job-openings"
        empty={<Typography color="text.secondary">{translate('resources.job-openings.empty')}</Typography>}
      >
        <TextField source="title" sortable={false} />
        <TextField source="streetName" sortable={false} />
        <WageRangeField source="wageMinFen" label="resources.job-openings.fields.wage" sortable={false} />
        <PlacesLeftField source="placesLeft" sortable={false} />
        <StatusField source="status" sortable={false} />
      </Datagrid>
    </ListContextProvider>
  );
};
