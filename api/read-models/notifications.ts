import type { Knex } from 'knex';
import { NotFoundError } from '../../domain/errors.js';
import { notificationFilters } from '../../contract/notifications.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// What workflows and supervisors tell people (overdue stages, failed runs, drift, reminders).
// Each user sees the notifications addressed to her role inside her area.

export interface NotificationRow {
  id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  message: string;
  created_at: Date;
  read_at: Date | null;
}

export const notificationToApi = (r: NotificationRow) => ({
  id: Number(r.id),
  kind: r.kind,
  entityType: r.entity_type,
  entityId: r.entity_id,
  message: r.message,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});
export type Notification = ReturnType<typeof notificationToApi>;

export const notificationListSpec: ListSpec<NotificationRow> = {
  resource: 'notifications',
  idColumn: 'n.id',
  sortable: { id: 'n.id', createdAt: 'n.created_at' },
  defaultSort: ['id', 'DESC'],
  filters: {
    unread: filter(notificationFilters.unread, (qb, v) =>
      v ? qb.whereNull('n.read_at') : qb.whereNotNull('n.read_at'),
    ),
    kind: filter(notificationFilters.kind, (qb, v) => qb.where('n.kind', v)),
  },
  toApi: notificationToApi,
};

/** The notifications for the user's role in her area. */
export const notificationsFor = (db: Knex, user: AuthUser) =>
  scopeToUser(db, db('notifications as n').where('n.audience_role', user.role).select('n.*'), user, 'n.org_unit_id');

/** One of the user's notifications; 404 for any other. */
export async function findNotification(db: Knex, user: AuthUser, id: number): Promise<NotificationRow> {
  const row = await notificationsFor(db, user).where('n.id', id).first();
  if (!row) throw new NotFoundError();
  return row;
}
