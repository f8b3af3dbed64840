import NotificationsIcon from '@mui/icons-material/Notifications';
import { NotificationList } from './NotificationList';

// Reached from the bell ("see all"), not from the menu: App mounts the list as a route of the
// resource rather than as its `list`, which would add a menu entry for every role.
export default {
  list: NotificationList,
  icon: NotificationsIcon,
};
