import InboxIcon from '@mui/icons-material/Inbox';
import TimelineIcon from '@mui/icons-material/Timeline';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { stages } from '../common/stages';

/** "My queue" (cases waiting on my role in my area), overdue, blocked, one entry per stage. */
export const ApplicationFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<InboxIcon />}>
      <FilterListItem label="shequ.filters.my_queue" value={{ myQueue: true }} data-filter="myQueue" />
      <FilterListItem label="shequ.filters.overdue" value={{ overdue: true }} data-filter="overdue" />
      <FilterListItem label="shequ.filters.blocked" value={{ blocked: true }} data-filter="blocked" />
    </FilterList>
    <FilterList label="shequ.filters.stage" icon={<TimelineIcon />}>
      {stages
        .filter((s) => s !== 'submitted')
        .map((s) => (
          <FilterListItem key={s} label={`shequ.stage.${s}`} value={{ stage: s }} />
        ))}
    </FilterList>
  </FilterSidebar>
);
