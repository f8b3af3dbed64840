import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import { notificationSchema, readAllResultSchema } from '../../contract/notifications.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import type { AuthUser } from '../http/types.js';
import { scopeToUser } from '../scope.js';

// What workflows and supervisors tell people (overdue stages, failed runs, drift, reminders).
// Each user sees the notifications addressed to her role inside her area.

interface NotificationRow {
  id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  message: string;
  created_at: Date;
  read_at: Date | null;
}

const toApi = (r: NotificationRow) => ({
  id: Number(r.id),
  kind: r.kind,
  entityType: r.entity_type,
  entityId: r.entity_id,
  message: r.message,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

const spec: ListSpec<NotificationRow> = {
  resource: 'notifications',
  idColumn: 'n.id',
  sortable: { id: 'n.id', createdAt: 'n.created_at' },
  defaultSort: ['id', 'DESC'],
  filters: {
    unread: filter(z.boolean(), (qb, v) => (v ? qb.whereNull('n.read_at') : qb.whereNotNull('n.read_at'))),
    kind: filter(z.string().max(50), (qb, v) => qb.where('n.kind', v)),
  },
  toApi,
};

export function notificationRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const mine = (user: AuthUser) =>
    scopeToUser(db, db('notifications as n').where('n.audience_role', user.role).select('n.*'), user, 'n.org_unit_id');
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/notifications',
      tag: 'notifications',
      summary: 'Notifications for your role in your area (filters: unread, kind)',
      query: listQuery,
      list: true,
      response: z.array(notificationSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, mine(user), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/notifications/:id/read',
      tag: 'notifications',
      summary: 'Mark a notification read',
      response: notificationSchema,
    },
    async ({ user, params, req }) => {
      const id = idParam(params.id);
      const row = await mine(user).where('n.id', id).first();
      if (!row) throw new NotFoundError();
      if (row.read_at) return toApi(row);
      return db.transaction(async (trx) => {
        const [updated] = await trx('notifications').where({ id }).update({ read_at: trx.fn.now() }).returning('*');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          { action: 'notification.read', entityType: 'notification', entityId: id },
        );
        return toApi(updated);
      });
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark every unread notification of yours read',
      response: readAllResultSchema,
    },
    async ({ user, req }) =>
      db.transaction(async (trx) => {
        const ids = mine(user).whereNull('n.read_at').clearSelect().select('n.id');
        const updated = await trx('notifications').whereIn('id', ids).update({ read_at: trx.fn.now() });
        if (updated)
          await writeAudit(
            trx,
            { user, requestId: req.requestId },
            { action: 'notification.read_all', entityType: 'notification', entityId: 'all', after: { updated } },
          );
        return { updated };
      }),
  );
  return router;
}
