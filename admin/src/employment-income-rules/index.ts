import RuleIcon from '@mui/icons-material/Work';
import { RuleCreate } from './RuleCreate';
import { RuleList } from './RuleList';

export default {
  list: RuleList,
  create: RuleCreate,
  icon: RuleIcon,
  recordRepresentation: (record: { effectiveFrom: string }) => record.effectiveFrom,
};
