import ApplicationIcon from '@mui/icons-material/Assignment';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';
import type { Application } from './types';

export default {
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  icon: ApplicationIcon,
  recordRepresentation: (record: Application) => `#${record.id} ${record.headName}`,
};
