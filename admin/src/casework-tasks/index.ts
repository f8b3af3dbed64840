import TaskIcon from '@mui/icons-material/AssignmentLate';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';
import type { CaseworkTask } from './types';

export default {
  list: TaskList,
  show: TaskShow,
  icon: TaskIcon,
  recordRepresentation: (record: CaseworkTask) => `#${record.id} ${record.headName}`,
};
