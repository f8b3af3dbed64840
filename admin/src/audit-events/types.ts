import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { auditEventSchema } from '../../../contract/audit-events';

export type AuditEvent = RaRecord & z.output<typeof auditEventSchema>;
