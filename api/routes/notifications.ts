import { Router } from 'express';
import { z } from 'zod';
import { notificationSchema, readAllResultSchema } from '../../contract/notifications.js';
import { markAllNotificationsRead, markNotificationRead } from '../commands/notifications.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { notificationListSpec, notificationsFor } from '../read-models/notifications.js';

export function notificationRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
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
    async ({ res, user, query }) => sendList(res, notificationListSpec, notificationsFor(db, user), query),
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
    async ({ user, params, req }) => markNotificationRead(db, { user, requestId: req.requestId }, idParam(params.id)),
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
    async ({ user, req }) => markAllNotificationsRead(db, { user, requestId: req.requestId }),
  );
  return router;
}
