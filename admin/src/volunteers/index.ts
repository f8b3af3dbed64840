import VolunteerIcon from '@mui/icons-material/VolunteerActivism';
import { VolunteerCreate } from './VolunteerCreate';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';
import type { Volunteer } from './types';

export default {
  list: VolunteerList,
  show: VolunteerShow,
  create: VolunteerCreate,
  icon: VolunteerIcon,
  recordRepresentation: (record: Volunteer) => `#${record.id} ${record.name}`,
};
