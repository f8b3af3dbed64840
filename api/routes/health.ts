import { Router } from 'express';
import { healthSchema } from '../../contract/health.js';
import type { RouteContext } from '../deps.js';
import { databaseHealth, temporalHealth } from '../read-models/health.js';

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
      response: healthSchema,
    },
    async ({ res }) => {
      const [database, temporalStatus] = await Promise.all([
        databaseHealth(db),
        temporalHealth(temporal, env.TEMPORAL_NAMESPACE),
      ]);
      const ok = database.ok && temporalStatus.ok;
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ok' : 'degraded', version, database, temporal: temporalStatus };
    },
  );
  return router;
}
