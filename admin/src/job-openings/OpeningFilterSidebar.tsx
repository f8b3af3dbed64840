import EventSeatIcon from '@mui/icons-material/EventSeat';
import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { openingStatusChoices } from './types';

export const OpeningFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="resources.job-openings.fields.placesLeft" icon={<EventSeatIcon />}>
      <FilterListItem label="shequ.filters.has_places" value={{ hasPlaces: true }} data-filter="hasPlaces" />
    </FilterList>
    <FilterList label="resources.job-openings.fields.status" icon={<ToggleOnIcon />}>
      {openingStatusChoices.map((s) => (
        <FilterListItem key={s.id} label={s.name} value={{ status: s.id }} data-filter={`status-${s.id}`} />
      ))}
    </FilterList>
  </FilterSidebar>
);
