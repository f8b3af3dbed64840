import CoverageIcon from '@mui/icons-material/PieChart';
import { CoverageList } from './CoverageList';

// Not records to open: the resource's list route is the coverage page.
export default {
  list: CoverageList,
  icon: CoverageIcon,
};
