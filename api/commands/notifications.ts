import type { Knex } from 'knex';
import { writeAudit } from '../../db/audit.js';
import {
  findNotification,
  notificationToApi,
  notificationsFor,
  type Notification,
} from '../read-models/notifications.js';
import type { RequestActor } from './request-actor.js';

/** Marks one of the user's notifications read; one read already is answered as it is, unrecorded. */
export async function markNotificationRead(db: Knex, actor: RequestActor, id: number): Promise<Notification> {
  const row = await findNotification(db, actor.user, id);
  if (row.read_at) return notificationToApi(row);
  return db.transaction(async (trx) => {
    const [updated] = await trx('notifications').where({ id }).update({ read_at: trx.fn.now() }).returning('*');
    await writeAudit(trx, actor, { action: 'notification.read', entityType: 'notification', entityId: id });
    return notificationToApi(updated);
  });
}

/** Marks every unread notification of the user read; recorded only when there were some. */
export async function markAllNotificationsRead(db: Knex, actor: RequestActor): Promise<{ updated: number }> {
  return db.transaction(async (trx) => {
    const ids = notificationsFor(db, actor.user).whereNull('n.read_at').clearSelect().select('n.id');
    const updated = await trx('notifications').whereIn('id', ids).update({ read_at: trx.fn.now() });
    if (updated)
      await writeAudit(trx, actor, {
        action: 'notification.read_all',
        entityType: 'notification',
        entityId: 'all',
        after: { updated },
      });
    return { updated };
  });
}
