import CategoryIcon from '@mui/icons-material/Category';
import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { FilterSidebar } from '../common/FilterSidebar';
import { kindChoices, statusChoices } from './types';

export const PaymentFilterSidebar = () => (
  <FilterSidebar>
    <SavedQueriesList />
    <FilterList label="resources.payments.fields.status" icon={<ToggleOnIcon />}>
      {statusChoices.map((s) => (
        <FilterListItem key={s.id} label={s.name} value={{ status: s.id }} data-filter={`status-${s.id}`} />
      ))}
    </FilterList>
    <FilterList label="resources.payments.fields.kind" icon={<CategoryIcon />}>
      {kindChoices.map((k) => (
        <FilterListItem key={k.id} label={k.name} value={{ kind: k.id }} data-filter={`kind-${k.id}`} />
      ))}
    </FilterList>
  </FilterSidebar>
);
