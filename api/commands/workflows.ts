import type { Knex } from 'knex';
import { writeAudit } from '../../db/audit.js';
import { notify } from '../../db/notifications.js';
import { resolveAlerts } from '../../db/workflow-alerts.js';
import type { SupervisorAction } from '../../domain/stuck.js';
import type { AuthUser } from '../http/types.js';
import type { StuckRow } from '../read-models/stuck-workflows.js';

// What a supervisor's action on a workflow writes here. Every action is audited as
// `workflow.<action>` on the workflow; changes to a case go through its workflow (an Update,
// sent by the route), never around it.

type By = { user: AuthUser; requestId?: string };

const caseTables = { benefit: 'applications', referral: 'referrals', volunteer: 'volunteers' } as const;

/** The audit event of an action whose effect is the workflow's (reassign, extend, retry). */
export async function recordIntervention(
  db: Knex,
  by: By,
  id: string,
  action: SupervisorAction,
  after: Record<string, unknown>,
  orgUnitId: number | null,
): Promise<void> {
  await writeAudit(db, by, { action: `workflow.${action}`, entityType: 'workflow', entityId: id, orgUnitId, after });
}

/** A reminder to the people who hold the case: its community's caseworkers, or finance for a run. */
export async function remindHolders(db: Knex, by: By, row: StuckRow, id: string, reason: string): Promise<void> {
  const audience =
    row.kind === 'disbursement' ? { role: 'finance', unit: null } : { role: 'caseworker', unit: row.community_id };
  await db.transaction(async (trx) => {
    await notify(trx, {
      dedupeKey: `remind:${id}:${by.requestId ?? Date.now()}`,
      kind: 'reminder',
      audienceRole: audience.role,
      orgUnitId: audience.unit,
      entityType:
        row.kind === 'disbursement'
          ? 'disbursement_run'
          : (({ benefit: 'application', referral: 'referral', volunteer: 'volunteer' } as Record<string, string>)[
              row.kind ?? ''
            ] ?? 'workflow'),
      entityId: row.case_id ?? id,
      message: `督导提醒（${id}）：${reason}`,
    });
    await writeAudit(trx, by, {
      action: 'workflow.remind',
      entityType: 'workflow',
      entityId: id,
      orgUnitId: row.community_id,
      after: { reason, to: audience.role },
    });
  });
}

/** After Temporal terminated the workflow: its case is marked terminated, its alerts resolved. */
export async function recordTermination(db: Knex, by: By, row: StuckRow, id: string, reason: string): Promise<void> {
  await db.transaction(async (trx) => {
    const table = row.kind ? caseTables[row.kind as keyof typeof caseTables] : undefined;
    if (table && row.case_id)
      await trx(table).where({ id: row.case_id }).update({ terminated_at: trx.fn.now(), terminated_reason: reason });
    await resolveAlerts(trx, id, 'terminated by supervisor');
    await writeAudit(trx, by, {
      action: 'workflow.terminate',
      entityType: 'workflow',
      entityId: id,
      orgUnitId: row.community_id,
      after: { reason, stage: row.stage },
    });
  });
}
