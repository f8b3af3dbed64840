import type { RaRecord } from 'react-admin';

/** One row of GET /api/notifications: what a workflow told the user's role. */
export interface Notification extends RaRecord {
  id: number;
  kind: string;
  /** 'application', 'referral', 'volunteer', 'disbursement_run', 'workflow', … */
  entityType: string;
  /** A row id, or for 'workflow' the workflow id. */
  entityId: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}
