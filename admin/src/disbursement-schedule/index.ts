import ScheduleIcon from '@mui/icons-material/EventRepeat';
import { SchedulePage } from './SchedulePage';

// Not a list of records: the resource's "list" route is the schedule page, so the menu entry
// and the access check (canAccess list) come from <Resource> like any other page.
export default {
  list: SchedulePage,
  icon: ScheduleIcon,
};
