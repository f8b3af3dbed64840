import { z } from 'zod';

// A notification as GET /api/notifications gives it (also the answer of marking it read), and
// the answer of marking them all read: the API's answers and the console's types.

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  /** 'application', 'referral', 'volunteer', 'disbursement_run', 'workflow', … */
  entityType: z.string(),
  /** A row id, or for 'workflow' the workflow id. */
  entityId: z.string(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** POST /api/notifications/read-all: how many were marked. */
export const readAllResultSchema = z.object({ updated: z.number() });

/** What each list filter of GET /api/notifications accepts. */
export const notificationFilters = { unread: z.boolean(), kind: z.string().max(50) };
