import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { notificationSchema, readAllResultSchema } from '../../../contract/notifications';

/** One row of GET /api/notifications: what a workflow told the user's role (contract/notifications.ts). */
export type Notification = z.output<typeof notificationSchema> & RaRecord;

/** POST /api/notifications/read-all: how many were marked. */
export type ReadAllResult = z.output<typeof readAllResultSchema>;
