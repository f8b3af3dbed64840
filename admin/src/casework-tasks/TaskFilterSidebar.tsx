import CategoryIcon from '@mui/icons-material/Category';
import InboxIcon from '@mui/icons-material/Inbox';
import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { caseworkTaskKinds, caseworkTaskStatuses } from './types';

export const TaskFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<InboxIcon />}>
      <FilterListItem label="shequ.casework_task.overdue" value={{ overdue: true }} data-filter="overdue" />
    </FilterList>
    <FilterList label="resources.casework-tasks.fields.status" icon={<ToggleOnIcon />}>
      {caseworkTaskStatuses.map((s) => (
        <FilterListItem key={s} label={`shequ.casework_task.status.${s}`} value={{ status: s }} />
      ))}
    </FilterList>
    <FilterList label="resources.casework-tasks.fields.kind" icon={<CategoryIcon />}>
      {caseworkTaskKinds.map((k) => (
        <FilterListItem key={k} label={`shequ.casework_task.kind.${k}`} value={{ kind: k }} />
      ))}
    </FilterList>
  </FilterSidebar>
);
