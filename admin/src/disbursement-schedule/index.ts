import ScheduleIcon from '@mui/icons-material/EventRepeat';
import { guarded } from '../common/guarded';
import { SchedulePage } from './SchedulePage';

// Not a list of records: the resource's "list" route is the schedule page, so the menu entry
// and the access check come from <Resource> like any other page; a custom page checks
// canAccess itself (`guarded`), since only react-admin's List does it for you.
export default {
  list: guarded('disbursement-schedule', SchedulePage),
  icon: ScheduleIcon,
};
