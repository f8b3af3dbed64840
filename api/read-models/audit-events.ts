import type { Knex } from 'knex';
import { NotFoundError } from '../../domain/errors.js';
import { auditEventFilters } from '../../contract/audit-events.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser, seesWholeDistrict } from '../scope.js';

// The audit log, read-only.

interface AuditRow {
  id: string;
  at: Date;
  actor_id: number | null;
  actor_username: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  org_unit_id: number | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  chain_seq: string;
  prev_hash: string | null;
  hash: string;
}

const toApi = (r: AuditRow) => ({
  id: Number(r.id),
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorUsername: r.actor_username,
  actorName: r.actor_name ?? null,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  orgUnitId: r.org_unit_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
  chainSeq: Number(r.chain_seq),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const auditEventListSpec: ListSpec<AuditRow> = {
  resource: 'audit-events',
  idColumn: 'id',
  sortable: {
    id: 'id',
    chainSeq: 'chain_seq',
    at: 'at',
    action: 'action',
    entityType: 'entity_type',
    actorUsername: 'actor_username',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    actorId: filter(auditEventFilters.actorId, (qb, v) => qb.where('actor_id', v)),
    actorUsername: filter(auditEventFilters.actorUsername, (qb, v) => qb.where('actor_username', v)),
    action: filter(auditEventFilters.action, (qb, v) => qb.where('action', v)),
    entityType: filter(auditEventFilters.entityType, (qb, v) => qb.where('entity_type', v)),
    entityId: filter(auditEventFilters.entityId, (qb, v) => qb.where('entity_id', v)),
    at_gte: filter(auditEventFilters.at_gte, (qb, v) => qb.where('at', '>=', v)),
    at_lte: filter(auditEventFilters.at_lte, (qb, v) => qb.where('at', '<=', v)),
    q: filter(auditEventFilters.q, (qb, v) =>
      qb.where((w) => w.whereILike('action', containing(v)).orWhereILike('actor_username', containing(v))),
    ),
  },
  toApi,
};

/** The events the user may read. Those without an org unit (sign-ins of district staff, system events) are district-level. */
export const visibleAuditEvents = (db: Knex, user: AuthUser) => {
  // People by their name, as everywhere else in the console; the username stays for searching.
  const qb = db('audit_events').select(
    '*',
    db.raw('(SELECT display_name FROM users u WHERE u.id = audit_events.actor_id) AS actor_name'),
  );
  return seesWholeDistrict(user) ? qb : scopeToUser(db, qb, user, 'org_unit_id');
};

/** One event the user may read; 404 for any other. */
export async function auditEventDetail(db: Knex, user: AuthUser, id: number) {
  const row = await visibleAuditEvents(db, user).where({ id }).first();
  if (!row) throw new NotFoundError();
  return toApi(row);
}
