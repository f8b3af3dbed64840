import OpeningIcon from '@mui/icons-material/WorkOutline';
import { OpeningCreate } from './OpeningCreate';
import { OpeningEdit } from './OpeningEdit';
import { OpeningList } from './OpeningList';
import { OpeningShow } from './OpeningShow';
import type { JobOpening } from './types';

export default {
  list: OpeningList,
  show: OpeningShow,
  create: OpeningCreate,
  edit: OpeningEdit,
  icon: OpeningIcon,
  recordRepresentation: (record: JobOpening) => `${record.title}（${record.employerName}）`,
};
