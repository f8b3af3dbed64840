import OrgUnitIcon from '@mui/icons-material/AccountTree';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';

export default {
  list: OrgUnitList,
  show: OrgUnitShow,
  icon: OrgUnitIcon,
  recordRepresentation: 'name',
};
