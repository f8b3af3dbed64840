import { Router } from 'express';
import { z } from 'zod';
import { auditEventSchema } from '../../contract/audit-events.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { auditEventDetail, auditEventListSpec, visibleAuditEvents } from '../read-models/audit-events.js';

export function auditEventRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit-events',
      tag: 'audit-events',
      summary: 'Who did what, when (read-only)',
      query: listQuery,
      list: true,
      response: z.array(auditEventSchema),
    },
    async ({ res, user, query }) => sendList(res, auditEventListSpec, visibleAuditEvents(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit-events/:id',
      tag: 'audit-events',
      summary: 'One audit event',
      response: auditEventSchema,
    },
    async ({ user, params }) => auditEventDetail(db, user, idParam(params.id)),
  );
  return router;
}
