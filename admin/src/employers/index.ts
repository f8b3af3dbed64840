import EmployerIcon from '@mui/icons-material/Business';
import { EmployerCreate } from './EmployerCreate';
import { EmployerList } from './EmployerList';
import { EmployerShow } from './EmployerShow';
import type { Employer } from './types';

export default {
  list: EmployerList,
  show: EmployerShow,
  create: EmployerCreate,
  icon: EmployerIcon,
  recordRepresentation: (record: Employer) => record.name,
};
