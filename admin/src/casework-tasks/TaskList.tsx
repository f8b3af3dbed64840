import { Chip } from '@mui/material';
import { Datagrid, FunctionField, List, SelectField, SelectInput, TextField, useTranslate } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { DoneButton } from './DoneButton';
import { TaskFilterSidebar } from './TaskFilterSidebar';
import { kindChoices, statusChoices, type CaseworkTask } from './types';

const filters = [
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  ...areaFilters,
];

// Past due and still open: tinted like an overdue case.
const rowSx = (record: CaseworkTask) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

/** The caseworker's queue of tasks that are not a case stage, open ones first by due time. */
export const TaskList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      exporter={false}
      aside={<TaskFilterSidebar />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
        <TextField source="id" />
        <SelectField source="kind" choices={kindChoices} />
        <TextField source="title" sortable={false} />
        <TextField source="headName" sortable={false} />
        <TextField source="communityName" sortable={false} />
        <FunctionField<CaseworkTask>
          source="dueAt"
          render={(r) => (
            <>
              <DateTimeField source="dueAt" record={r} />
              {r.overdue && (
                <Chip size="small" color="error" sx={{ ml: 1 }} label={translate('shequ.casework_task.overdue')} />
              )}
            </>
          )}
        />
        <SelectField source="status" choices={statusChoices} sortable={false} />
        <DoneButton size="small" />
      </Datagrid>
    </List>
  );
};
