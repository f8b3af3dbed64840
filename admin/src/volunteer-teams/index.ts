import TeamIcon from '@mui/icons-material/Groups';
import { TeamCreate } from './TeamCreate';
import { TeamList } from './TeamList';
import { TeamShow } from './TeamShow';
import type { VolunteerTeam } from './types';

export default {
  list: TeamList,
  show: TeamShow,
  create: TeamCreate,
  icon: TeamIcon,
  recordRepresentation: (record: VolunteerTeam) => record.name,
};
