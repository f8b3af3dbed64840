import { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../deps.js';

export function healthRoutes({ registry, db, temporal, version, env }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/health',
      tag: 'system',
      summary: 'Whether PostgreSQL and Temporal answer, with versions',
      public: true,
      response: z.object({
        status: z.enum(['ok', 'degraded']),
        version: z.string(),
        database: z.object({ ok: z.boolean(), version: z.string().optional(), error: z.string().optional() }),
        temporal: z.object({
          ok: z.boolean(),
          version: z.string().optional(),
          namespace: z.string(),
          error: z.string().optional(),
        }),
      }),
    },
    async ({ res }) => {
      const [database, temporalStatus] = await Promise.all([
        db
          .raw('SHOW server_version')
          .then((r) => ({ ok: true, version: String(r.rows[0].server_version) }))
          .catch((e: Error) => ({ ok: false, error: e.message })),
        temporal.workflowService
          .getSystemInfo({})
          .then((info) => ({ ok: true, version: info.serverVersion ?? 'unknown', namespace: env.TEMPORAL_NAMESPACE }))
          .catch((e: Error) => ({ ok: false, error: e.message, namespace: env.TEMPORAL_NAMESPACE })),
      ]);
      const ok = database.ok && temporalStatus.ok;
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ok' : 'degraded', version, database, temporal: temporalStatus };
    },
  );
  return router;
}
