import EnrollmentIcon from '@mui/icons-material/VolunteerActivism';
import { EnrollmentList } from './EnrollmentList';
import { EnrollmentShow } from './EnrollmentShow';
import type { Enrollment } from './types';

export default {
  list: EnrollmentList,
  show: EnrollmentShow,
  icon: EnrollmentIcon,
  recordRepresentation: (record: Enrollment) => `#${record.id} ${record.headName}`,
};
