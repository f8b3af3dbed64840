import PaymentIcon from '@mui/icons-material/Payments';
import { PaymentList } from './PaymentList';
import { PaymentShow } from './PaymentShow';
import type { Payment } from './types';

export default {
  list: PaymentList,
  show: PaymentShow,
  icon: PaymentIcon,
  recordRepresentation: (record: Payment) => `#${record.id} ${record.name}`,
};
