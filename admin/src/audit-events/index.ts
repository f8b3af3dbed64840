import AuditIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: (record: RaRecord) => `#${record.id} ${record.action}`,
};
