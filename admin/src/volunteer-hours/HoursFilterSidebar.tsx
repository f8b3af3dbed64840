import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { hoursStatusChoices } from './types';

export const HoursFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="resources.volunteer-hours.fields.status" icon={<ToggleOnIcon />}>
      {hoursStatusChoices.map((s) => (
        <FilterListItem key={s.id} label={s.name} value={{ status: s.id }} data-filter={`status-${s.id}`} />
      ))}
    </FilterList>
  </FilterSidebar>
);
