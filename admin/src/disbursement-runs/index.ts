import RunIcon from '@mui/icons-material/AccountBalance';
import { RunList } from './RunList';
import { RunShow } from './RunShow';
import type { Run } from './types';

export default {
  list: RunList,
  show: RunShow,
  icon: RunIcon,
  recordRepresentation: (record: Run) => record.period,
};
