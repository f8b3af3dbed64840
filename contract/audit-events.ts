import { z } from 'zod';

// One event of the audit log (hash-chained) as the API answers with it, written once for the
// API's document and the console.

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorUsername: z.string().nullable(),
  /** The actor's display name (null for the system). */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orgUnitId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  chainSeq: z.number().describe('position in the hash chain (npm run audit:verify)'),
  prevHash: z.string().nullable().describe('SHA-256 of the previous event in the chain'),
  hash: z.string().describe('SHA-256 of this event, prevHash included'),
});

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

/** What each list filter of GET /api/audit-events accepts; `at_gte` / `at_lte` take an instant or a date. */
export const auditEventFilters = {
  actorId: z.coerce.number().int(),
  actorUsername: z.string().max(100),
  action: z.string().max(100),
  entityType: z.string().max(100),
  entityId: z.coerce.string().max(100),
  at_gte: isoDate,
  at_lte: isoDate,
  q: z.string().max(100),
};
