import { Router } from 'express';
import { dashboardSchema } from '../../contract/dashboard.js';
import type { RouteContext } from '../deps.js';
import { dashboardFigures } from '../read-models/dashboard.js';

export function dashboardRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/dashboard',
      tag: 'dashboard',
      summary:
        'The home page figures for your area: open cases by stage and street, overdue now, SLA compliance by week (12 weeks), stuck workflows by reason, disbursement totals (12 months), placements and volunteer hours this month',
      response: dashboardSchema,
    },
    async ({ user }) => dashboardFigures(db, user),
  );
  return router;
}
