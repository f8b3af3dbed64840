import PlacementIcon from '@mui/icons-material/WorkHistory';
import { PlacementList } from './PlacementList';
import type { PlacementRow } from './types';

export default {
  list: PlacementList,
  icon: PlacementIcon,
  recordRepresentation: (record: PlacementRow) => `${record.seekerName} · ${record.employerName}`,
};
