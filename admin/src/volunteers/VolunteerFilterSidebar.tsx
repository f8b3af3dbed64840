import InboxIcon from '@mui/icons-material/Inbox';
import StarIcon from '@mui/icons-material/StarOutline';
import TimelineIcon from '@mui/icons-material/Timeline';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { volunteerStages } from '../common/stages';
import { starChoices } from './stars';

/**
 * The list doubles as the screening and approval queue: one click for those waiting on a
 * decision, then one entry per stage and per star level.
 */
export const VolunteerFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<InboxIcon />}>
      <FilterListItem label="shequ.filters.my_queue" value={{ myQueue: true }} data-filter="myQueue" />
      <FilterListItem
        label="shequ.volunteer.queue.approval"
        value={{ stage: 'approval' }}
        data-filter="queue-approval"
      />
      <FilterListItem
        label="shequ.volunteer.queue.screening"
        value={{ stage: 'screening' }}
        data-filter="queue-screening"
      />
      <FilterListItem
        label="shequ.volunteer.queue.suitability_error"
        value={{ suitability: 'error' }}
        data-filter="suitability-error"
      />
      <FilterListItem
        label="shequ.volunteer.queue.reconfirm_due"
        value={{ stage: 'reconfirm_due' }}
        data-filter="queue-reconfirm"
      />
    </FilterList>
    <FilterList label="shequ.filters.stage" icon={<TimelineIcon />}>
      {volunteerStages.map((s) => (
        <FilterListItem key={s} label={`shequ.stage.${s}`} value={{ stage: s }} data-filter={`stage-${s}`} />
      ))}
    </FilterList>
    <FilterList label="resources.volunteers.fields.starLevel" icon={<StarIcon />}>
      {starChoices
        .filter((c) => c.id > 0)
        .map((c) => (
          <FilterListItem key={c.id} label={c.name} value={{ starLevel: c.id }} data-filter={`stars-${c.id}`} />
        ))}
    </FilterList>
  </FilterSidebar>
);
