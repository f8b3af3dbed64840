import type { Knex } from 'knex';
import { writeAudit } from '../../db/audit.js';
import type { AuthUser } from '../http/types.js';

/** The audit event of a pause or resume of the monthly Schedule, with the note as written. */
export async function recordScheduleChange(
  db: Knex,
  by: { user: AuthUser; requestId?: string },
  scheduleId: string,
  action: 'pause' | 'resume',
  note: string,
): Promise<void> {
  await writeAudit(db, by, {
    action: `disbursement_schedule.${action}`,
    entityType: 'schedule',
    entityId: scheduleId,
    after: { note },
  });
}
