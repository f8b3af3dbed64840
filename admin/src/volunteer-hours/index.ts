import HoursIcon from '@mui/icons-material/MoreTime';
import { HoursList } from './HoursList';

// Entries are logged on the volunteer's page; here they are confirmed or rejected.
export default {
  list: HoursList,
  icon: HoursIcon,
};
