import type { Knex } from 'knex';
import { notify } from './notifications.js';

// What the worker and the watcher report about workflows, one open row per workflow, reason and
// activity. Resolved rows stay as history: a drift that went away was still a drift.

export type AlertReason = 'failing_activity' | 'failing_workflow_task' | 'drift';

export interface Alert {
  workflowId: string;
  reason: AlertReason;
  kind: string | null;
  activityId?: string;
  activityType?: string | null;
  attempts?: number | null;
  lastError?: string | null;
  detail?: string | null;
}

const clip = (s: string | null | undefined, n = 2000) => (s == null ? null : s.length > n ? `${s.slice(0, n)}…` : s);

/** Opens the alert or refreshes the open one; true when it is new (and supervisors were told, for escalations). */
export async function raiseAlert(db: Knex, a: Alert, escalate?: { message: string }): Promise<boolean> {
  return db.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `INSERT INTO workflow_alerts (workflow_id, reason, kind, activity_id, activity_type, attempts, last_error, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workflow_id, reason, activity_id) WHERE resolved_at IS NULL
       DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, detail = EXCLUDED.detail, activity_type = EXCLUDED.activity_type, updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [
        a.workflowId,
        a.reason,
        a.kind,
        a.activityId ?? '',
        a.activityType ?? null,
        a.attempts ?? null,
        clip(a.lastError),
        clip(a.detail),
      ],
    );
    const { id, inserted } = rows[0];
    if (inserted && escalate) {
      await notify(trx, {
        dedupeKey: `alert:${id}`,
        kind: a.reason,
        audienceRole: 'supervisor',
        orgUnitId: null,
        entityType: 'workflow',
        entityId: a.workflowId,
        message: escalate.message,
      });
    }
    return inserted as boolean;
  });
}

/** Closes open alerts of a workflow (of one reason, or one activity), saying why. */
export async function resolveAlerts(
  db: Knex | Knex.Transaction,
  workflowId: string,
  resolution: string,
  o: { reason?: AlertReason; activityId?: string } = {},
): Promise<number> {
  const q = db('workflow_alerts').where({ workflow_id: workflowId }).whereNull('resolved_at');
  if (o.reason) q.where({ reason: o.reason });
  if (o.activityId !== undefined) q.where({ activity_id: o.activityId });
  return q.update({ resolved_at: db.fn.now(), resolution, updated_at: db.fn.now() });
}
