import ReportIcon from '@mui/icons-material/QueryStats';
import { ReportList } from './ReportList';

// Not records to open: the resource's list route is the report table.
export default {
  list: ReportList,
  icon: ReportIcon,
};
