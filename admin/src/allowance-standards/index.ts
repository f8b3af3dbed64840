import StandardIcon from '@mui/icons-material/Straighten';
import { StandardCreate } from './StandardCreate';
import { StandardList } from './StandardList';

export default {
  list: StandardList,
  create: StandardCreate,
  icon: StandardIcon,
  recordRepresentation: (record: { effectiveFrom: string }) => record.effectiveFrom,
};
