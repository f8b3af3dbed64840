import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { auditEventSchema } from '../../contract/audit-events.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import { scopeToUser, seesWholeDistrict } from '../scope.js';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: number | null;
  actor_username: string | null;
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

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

const spec: ListSpec<AuditRow> = {
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
    actorId: filter(z.coerce.number().int(), (qb, v) => qb.where('actor_id', v)),
    actorUsername: filter(z.string().max(100), (qb, v) => qb.where('actor_username', v)),
    action: filter(z.string().max(100), (qb, v) => qb.where('action', v)),
    entityType: filter(z.string().max(100), (qb, v) => qb.where('entity_type', v)),
    entityId: filter(z.coerce.string().max(100), (qb, v) => qb.where('entity_id', v)),
    at_gte: filter(isoDate, (qb, v) => qb.where('at', '>=', v)),
    at_lte: filter(isoDate, (qb, v) => qb.where('at', '<=', v)),
    q: filter(z.string().max(100), (qb, v) =>
      qb.where((w) => w.whereILike('action', containing(v)).orWhereILike('actor_username', containing(v))),
    ),
  },
  toApi,
};

export function auditEventRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  // Events without an org unit (sign-ins of district staff, system events) are district-level.
  const scoped = (user: Parameters<typeof scopeToUser>[2]) => {
    const qb = db('audit_events').select('*');
    return seesWholeDistrict(user) ? qb : scopeToUser(db, qb, user, 'org_unit_id');
  };
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit-events',
      tag: 'audit-events',
      summary: 'Who did what, when (read-only)',
      query: listQuery,
      list: true,
      response: z.array(auditEventSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scoped(user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit-events/:id',
      tag: 'audit-events',
      summary: 'One audit event',
      response: auditEventSchema,
    },
    async ({ user, params }) => {
      const row = await scoped(user)
        .where({ id: idParam(params.id) })
        .first();
      if (!row) throw new NotFoundError();
      return toApi(row);
    },
  );
  return router;
}
