import HouseholdIcon from '@mui/icons-material/House';
import { HouseholdList } from './HouseholdList';
import { HouseholdShow } from './HouseholdShow';
import type { Household } from './types';

export default {
  list: HouseholdList,
  show: HouseholdShow,
  icon: HouseholdIcon,
  recordRepresentation: (record: Household) => `#${record.id} ${record.headName}`,
};
