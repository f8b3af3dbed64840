import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { corsOrigins } from '../config/env.js';
import { checkReferences } from './access/references.js';
import { recordVisible } from './access/visible-records.js';
import { loginRateLimit } from './auth/login-guard.js';
import { authenticate } from './auth/middleware.js';
import { caseUpdates } from './temporal/case-updates.js';
import type { ApiDeps, RouteContext } from './deps.js';
import { cors } from './http/cors.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { idempotency } from './http/idempotency.js';
import { requestId } from './http/request-id.js';
import './http/types.js';
import { ApiRegistry, openApiDocument } from './openapi/registry.js';
import { applicationActionRoutes } from './routes/application-actions.js';
import { applicationRoutes } from './routes/applications.js';
import { allowanceStandardRoutes } from './routes/allowance-standards.js';
import { caseworkTaskRoutes } from './routes/casework-tasks.js';
import { employmentIncomeRuleRoutes } from './routes/employment-income-rules.js';
import { enrollmentRoutes } from './routes/enrollments.js';
import { disbursementRunRoutes } from './routes/disbursement-runs.js';
import { disbursementScheduleRoutes } from './routes/disbursement-schedule.js';
import { householdRoutes } from './routes/households.js';
import { homeVisitRoutes } from './routes/home-visits.js';
import { paymentRoutes } from './routes/payments.js';
import { notificationRoutes } from './routes/notifications.js';
import { auditEventRoutes } from './routes/audit-events.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { IMPORT_BODY_LIMIT, importRoutes } from './routes/imports.js';
import { orgUnitRoutes } from './routes/org-units.js';
import { userRoutes } from './routes/users.js';
import { employerRoutes } from './routes/employers.js';
import { enterpriseRoutes } from './routes/enterprises.js';
import { helperRoutes } from './routes/helpers.js';
import { jobOpeningRoutes } from './routes/job-openings.js';
import { jobSeekerRoutes } from './routes/job-seekers.js';
import { placementRoutes } from './routes/placements.js';
import { referralActionRoutes } from './routes/referral-actions.js';
import { referralBatchRoutes } from './routes/referral-batches.js';
import { referralRoutes } from './routes/referrals.js';
import { volunteerActionRoutes } from './routes/volunteer-actions.js';
import { volunteerActivityRoutes } from './routes/volunteer-activities.js';
import { volunteerCoverageRoutes } from './routes/volunteer-coverage.js';
import { volunteerHoursRoutes } from './routes/volunteer-hours.js';
import { teamLeaderRoutes, volunteerTeamRoutes } from './routes/volunteer-teams.js';
import { volunteerRoutes } from './routes/volunteers.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { workflowRoutes } from './routes/workflows.js';

export const ADMIN_DIST = resolve(import.meta.dirname, '../admin/dist');

export function createApp(deps: ApiDeps, opts: { serveConsole?: boolean } = {}) {
  const registry = new ApiRegistry(
    (resource, id, user) => recordVisible(deps.db, resource, id, user),
    (refs, body, user, params) => checkReferences({ db: deps.db, user, params }, refs, body),
  );
  const ctx: RouteContext = {
    ...deps,
    registry,
    updateCase: caseUpdates(deps.temporal, deps.env.SHEQU_UPDATE_WAIT_SECONDS),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(requestId);
  // The console is one origin's scripts; MUI/emotion inject <style> tags, so styles allow
  // 'unsafe-inline' (scripts do not). No upgrade-insecure-requests: bureaus serve it on plain http.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(cors(corsOrigins(deps.env)));
  // Before the body is parsed: a flood of sign-ins costs as little as possible.
  app.post('/api/auth/login', loginRateLimit(deps.env.SHEQU_LOGIN_RATE_PER_MINUTE));
  // A caseload file is larger than any form: its route parses first, with its own limit.
  app.use('/api/imports', express.json({ limit: IMPORT_BODY_LIMIT }));
  app.use('/api', express.json({ limit: deps.env.SHEQU_BODY_LIMIT }));
  app.use(
    '/api',
    authenticate(deps.db, deps.env.SHEQU_TOKEN_IDLE_HOURS, (m, p) => registry.isPublic(m, p)),
  );
  app.use('/api', idempotency(deps.db, deps.env.SHEQU_IDEMPOTENCY_STALE_SECONDS));

  const api = express.Router();
  const routeGroups = [
    [healthRoutes, authRoutes, orgUnitRoutes, userRoutes, auditEventRoutes, notificationRoutes],
    [
      applicationRoutes,
      applicationActionRoutes,
      householdRoutes,
      enrollmentRoutes,
      allowanceStandardRoutes,
      employmentIncomeRuleRoutes,
      caseworkTaskRoutes,
      importRoutes,
    ],
    [disbursementRunRoutes, paymentRoutes, disbursementScheduleRoutes],
    [
      referralRoutes,
      referralActionRoutes,
      referralBatchRoutes,
      enterpriseRoutes,
      helperRoutes,
      jobSeekerRoutes,
      employerRoutes,
      jobOpeningRoutes,
      placementRoutes,
    ],
    [
      volunteerRoutes,
      volunteerActionRoutes,
      volunteerHoursRoutes,
      volunteerTeamRoutes,
      teamLeaderRoutes,
      volunteerActivityRoutes,
      volunteerCoverageRoutes,
      homeVisitRoutes,
    ],
    [workflowRoutes, dashboardRoutes],
  ];
  for (const routes of routeGroups.flat()) api.use(routes(ctx));
  registry.add(api, { method: 'get', path: '/api/openapi.json', tag: 'system', summary: 'This document' }, async () =>
    openApiDocument(registry, { version: deps.version }),
  );
  app.use(api);
  app.use('/api', notFoundHandler);

  if (opts.serveConsole && existsSync(ADMIN_DIST)) {
    app.use(express.static(ADMIN_DIST, { index: 'index.html', maxAge: '1h' }));
    app.get('/*splat', (_req, res) => res.sendFile(resolve(ADMIN_DIST, 'index.html')));
  }
  app.use(errorHandler);
  return { app, registry };
}
