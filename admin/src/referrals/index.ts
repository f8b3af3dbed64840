import ReferralIcon from '@mui/icons-material/Handshake';
import { ReferralList } from './ReferralList';
import { ReferralShow } from './ReferralShow';
import type { Referral } from './types';

// Referrals arrive with the enterprise's batch (referral-batches), never one by one.
export default {
  list: ReferralList,
  show: ReferralShow,
  icon: ReferralIcon,
  recordRepresentation: (record: Referral) => `#${record.id} ${record.seekerName}`,
};
