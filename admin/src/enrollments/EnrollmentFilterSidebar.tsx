import InboxIcon from '@mui/icons-material/Inbox';
import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { categoryChoices } from '../applications/choices';
import { FilterSidebar } from '../common/FilterSidebar';
import CategoryIcon from '@mui/icons-material/Category';
import { enrollmentStatuses } from './types';

export const EnrollmentFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<InboxIcon />}>
      <FilterListItem label="shequ.filters.my_queue" value={{ myQueue: true }} data-filter="myQueue" />
      <FilterListItem label="shequ.filters.recheck_due" value={{ recheckDue: true }} data-filter="recheckDue" />
      <FilterListItem label="shequ.filters.overdue" value={{ overdue: true }} data-filter="overdue" />
    </FilterList>
    <FilterList label="resources.enrollments.fields.status" icon={<ToggleOnIcon />}>
      {enrollmentStatuses.map((s) => (
        <FilterListItem key={s} label={`shequ.status.${s}`} value={{ status: s }} />
      ))}
    </FilterList>
    <FilterList label="resources.enrollments.fields.category" icon={<CategoryIcon />}>
      {categoryChoices.map((c) => (
        <FilterListItem key={c.id} label={c.name} value={{ category: c.id }} />
      ))}
    </FilterList>
  </FilterSidebar>
);
