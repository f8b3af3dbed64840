import EventIcon from '@mui/icons-material/Event';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';

export const ActivityFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="shequ.filters.quick" icon={<EventIcon />}>
      <FilterListItem label="shequ.filters.upcoming" value={{ upcoming: true }} data-filter="upcoming" />
      <FilterListItem label="shequ.filters.has_places" value={{ hasPlaces: true }} data-filter="hasPlaces" />
    </FilterList>
  </FilterSidebar>
);
