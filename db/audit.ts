import type { Knex } from 'knex';
// Actors are staff users, or null for the system (schedules, workers acting on timers).

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  user?: { id: number; username: string } | null;
  requestId?: string;
}

const auditRow = (actor: AuditActor, e: AuditEvent) => ({
  actor_id: actor.user?.id ?? null,
  actor_username: actor.user?.username ?? null,
  action: e.action,
  entity_type: e.entityType,
  entity_id: String(e.entityId),
  org_unit_id: e.orgUnitId ?? null,
  before: e.before === undefined ? null : JSON.stringify(e.before),
  after: e.after === undefined ? null : JSON.stringify(e.after),
  request_id: actor.requestId ?? null,
});

// PostgreSQL chains each inserted event to the previous one (migration 010) under a lock held
// until the transaction ends: audit writers queue behind each other, so write the event late in
// a transaction and commit soon after, never before a wait on something else.

/** Call with the transaction that makes the change, so the change and its record commit together. */
export async function writeAudit(trx: Knex | Knex.Transaction, actor: AuditActor, e: AuditEvent): Promise<void> {
  await trx('audit_events').insert(auditRow(actor, e));
}

/** Many events of one actor in few statements: a bulk load records each entity without a round trip per row. */
export async function writeAuditMany(
  trx: Knex | Knex.Transaction,
  actor: AuditActor,
  events: readonly AuditEvent[],
  chunk = 1000,
): Promise<void> {
  for (let i = 0; i < events.length; i += chunk)
    await trx('audit_events').insert(events.slice(i, i + chunk).map((e) => auditRow(actor, e)));
}
