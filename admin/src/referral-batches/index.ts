import BatchIcon from '@mui/icons-material/GroupAdd';
import { BatchCreate } from './BatchCreate';
import { BatchList } from './BatchList';
import type { ReferralBatch } from './types';

export default {
  list: BatchList,
  create: BatchCreate,
  icon: BatchIcon,
  recordRepresentation: (record: ReferralBatch) => `${record.enterpriseName} ${record.reference}`,
};
