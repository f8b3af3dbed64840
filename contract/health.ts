import { z } from 'zod';

// GET /api/health: whether PostgreSQL and Temporal answer, with their versions.

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ ok: z.boolean(), version: z.string().optional(), error: z.string().optional() }),
  temporal: z.object({
    ok: z.boolean(),
    version: z.string().optional(),
    namespace: z.string(),
    error: z.string().optional(),
  }),
});
