import InboxIcon from '@mui/icons-material/Inbox';
import TimelineIcon from '@mui/icons-material/Timeline';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { referralStages } from '../common/stages';

/** The queue by stage: "my queue", overdue (past the to-be-placed-by date), one entry per stage. */
export const ReferralFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<InboxIcon />}>
      <FilterListItem label="shequ.filters.my_queue" value={{ myQueue: true }} data-filter="myQueue" />
      <FilterListItem label="shequ.filters.overdue" value={{ overdue: true }} data-filter="overdue" />
    </FilterList>
    <FilterList label="shequ.filters.stage" icon={<TimelineIcon />}>
      {referralStages.map((s) => (
        <FilterListItem key={s} label={`shequ.stage.${s}`} value={{ stage: s }} data-filter={`stage-${s}`} />
      ))}
    </FilterList>
  </FilterSidebar>
);
