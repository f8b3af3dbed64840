import ActivityIcon from '@mui/icons-material/EventAvailable';
import { ActivityCreate } from './ActivityCreate';
import { ActivityList } from './ActivityList';
import { ActivityShow } from './ActivityShow';
import type { VolunteerActivity } from './types';

export default {
  list: ActivityList,
  show: ActivityShow,
  create: ActivityCreate,
  icon: ActivityIcon,
  recordRepresentation: (record: VolunteerActivity) => `${record.title}（${record.teamName}）`,
};
