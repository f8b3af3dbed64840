import SeekerIcon from '@mui/icons-material/PersonSearch';
import { SeekerList } from './SeekerList';
import { SeekerShow } from './SeekerShow';
import type { JobSeeker } from './types';

// Seekers are registered with an enterprise's batch; their page leads to their referrals.
export default {
  list: SeekerList,
  show: SeekerShow,
  icon: SeekerIcon,
  recordRepresentation: (record: JobSeeker) => record.name,
};
