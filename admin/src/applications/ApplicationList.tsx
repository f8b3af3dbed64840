import { Datagrid, List, NumberField, SearchInput, SelectInput, TextField, useRecordContext } from 'react-admin';
import { Typography } from '@mui/material';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { stageChoices } from '../common/stages';
import { ApplicationFilterSidebar } from './ApplicationFilterSidebar';
import { StageField } from './StageField';
import type { Application } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} />,
  ...areaFilters,
];

// Past the stage's deadline: tinted so a supervisor's eye goes there first.
const rowSx = (record: Application) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

const AreaField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">{record.communityName}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.streetName}
      </Typography>
    </>
  );
};

// The API sorts by id, headName, communityName, stage, stageSince, createdAt, deadlineAt, proposedAmountFen.
export const ApplicationList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} aside={<ApplicationFilterSidebar />}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <TextField source="headName" />
      <AreaField label="resources.applications.fields.communityName" sortBy="communityName" />
      <NumberField source="memberCount" sortable={false} />
      <StageField source="stage" />
      <MoneyField source="proposedAmountFen" />
      <DateTimeField source="deadlineAt" emptyText="—" />
    </Datagrid>
  </List>
);
