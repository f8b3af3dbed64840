import WorkflowIcon from '@mui/icons-material/ReportProblem';
import type { Workflow } from './types';
import { WorkflowList } from './WorkflowList';
import { WorkflowShow } from './WorkflowShow';

// Stuck case workflows (卡住的流程): read from Temporal and the case tables by the API, not
// records of their own, so nothing is created or edited here.
export default {
  list: WorkflowList,
  show: WorkflowShow,
  icon: WorkflowIcon,
  recordRepresentation: (record: Workflow) => record.id,
};
