import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDisbursementSchedule } from '../../api/temporal/disbursements.js';
import { visibleRecords } from '../../api/access/visible-records.js';
import type { AuthUser } from '../../api/http/types.js';
import { grantFor, routeAccess } from '../../domain/access-policy.js';
import { defaultBenefitPolicy } from '../../domain/benefit-policy.js';
import { roles, type Role } from '../../domain/roles.js';
import { seedDemoCaseload } from '../../db/seeds/demo-caseload.js';
import { seedDemoReferrals } from '../../db/seeds/demo-referrals.js';
import { seedDemoHomeVisits } from '../../db/seeds/demo-home-visits.js';
import { seedDemoVolunteers } from '../../db/seeds/demo-volunteers.js';
import { demoUser } from '../support/fixtures.js';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { recordFigure } from '../support/suite-figures.js';

// Generated from the OpenAPI document: every route × every role × a record of her own area and
// one outside it, with the status the policy (domain/access-policy.ts) says it must get, and for
// lists the rows and totals the area allows. A new route is covered the day it is registered.

// Records of resources that are not scoped by area, to name in their paths.
const tables: Record<string, string> = {
  users: 'users',
  'disbursement-runs': 'disbursement_runs',
  employers: 'employers',
  'job-openings': 'job_openings',
};

// Routes the matrix cannot call as is: signing out ends the session the matrix signs in with
// (test/api/auth.test.ts covers it).
const notCalled = new Set(['post /api/auth/logout']);

// Allowed calls that answer otherwise for want of data, not of access: the run made here has
// no bank file (test/workflows/disbursement.test.ts downloads real ones).
const allowedAnswer: Record<string, number> = { 'get /api/disbursement-runs/:id/bank-file': 404 };

// A field no body declares: an allowed caller passes the policy and is then refused by the
// body's own validation (400), so no allowed call changes anything.
const probeBody = { matrixProbe: true };

interface Op {
  method: string;
  path: string;
  list: boolean;
  body: boolean;
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string }[];
        requestBody?: unknown;
        responses: Record<string, { headers?: Record<string, unknown> }>;
      }
    >
  >;
}): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const ok = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
      ops.push({
        method,
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        list: Boolean(op.responses[ok]?.headers?.['Content-Range']),
        body: Boolean(op.requestBody),
      });
    }
  }
  return ops;
}

describe('access matrix: every route × every role × own and other area', () => {
  let stack: TestStack;
  const clients = new Map<Role, ApiClient>();
  const users = new Map<Role, AuthUser>();
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    // The whole demo district, so every resource has records inside and outside each area.
    const now = new Date();
    await seedDemoCaseload(stack.db, { now, policy: defaultBenefitPolicy });
    await seedDemoReferrals(stack.db, now);
    await seedDemoVolunteers(stack.db, now);
    // Planned visits inside and outside each area, for the home-visit routes.
    const visits = await seedDemoHomeVisits(stack.db, now);
    expect(visits.flagged).toBeGreaterThanOrEqual(4);
    expect(visits.planned).toBe(visits.flagged);
    await ensureDisbursementSchedule(stack.temporal, stack.env);
    await stack.db('disbursement_runs').insert({
      period: '2026-01',
      cutoff_date: '2026-01-01',
      workflow_id: `${stack.taskQueue}-run-2026-01`,
      phase: 'completed',
      trigger: 'manual',
    });
    for (const role of roles) {
      clients.set(role, await login(stack, demoUser[role]));
      const u = await stack
        .db('users as u')
        .join('org_units as o', 'o.id', 'u.org_unit_id')
        .where('u.username', demoUser[role])
        .first('u.id', 'u.username', 'u.role', 'u.org_unit_id', 'o.path');
      users.set(role, {
        id: u.id,
        username: u.username,
        role: u.role,
        orgUnitId: u.org_unit_id,
        orgPath: u.path,
        displayName: '',
      });
    }
  });
  afterAll(async () => {
    await stack?.temporal.schedule
      .getHandle(stack.env.SHEQU_DISBURSEMENT_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await stack?.stop();
  });

  it('answers each call as the policy says, and lists show exactly the area', { timeout: 600_000 }, async () => {
    const { db } = stack;
    const doc = (await clients.get('admin')!.call('GET', '/api/openapi.json')).body;
    const ops = operationsOf(doc).filter(
      (o) =>
        !(o.method === 'post' && o.path === '/api/auth/login') && !(o.method === 'get' && o.path === '/api/health'),
    );

    // Someone to deactivate: never a demo user the matrix signs in as.
    const template = await db('users').where({ username: 'caseworker2' }).first();
    const [victim] = await db('users')
      .insert({ ...template, id: undefined, username: 'matrix-victim' })
      .returning('id');
    const anyId = async (resource: string): Promise<string | undefined> => {
      if (resource === 'users') return String(victim.id);
      if (resource === 'workflows') {
        const a = await db('applications').whereNotNull('workflow_id').orderBy('id').first('workflow_id');
        return a?.workflow_id;
      }
      const table = tables[resource];
      const row = table ? await db(table).orderBy('id').first('id') : undefined;
      return row ? String(row.id) : undefined;
    };
    const idsOf = (q: Knex.QueryBuilder) => q.pluck('id').then((xs: unknown[]) => new Set(xs.map(Number)));
    const allIds = async (resource: string) =>
      idsOf(db.from(visibleRecords[resource](db, { ...users.get('admin')! }).as('v')).select('v.id'));

    const problems: string[] = [];
    const tried = {
      calls: 0,
      routes: new Set<string>(),
      own: 0,
      other: 0,
      forbidden: 0,
      lists: 0,
      listRows: 0,
      skipped: [] as string[],
    };
    const expectStatus = (what: string, got: number, want: number, body: unknown) => {
      tried.calls++;
      if (got !== want) problems.push(`${what}: got ${got}, want ${want} ${JSON.stringify(body)?.slice(0, 160)}`);
    };

    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      if (notCalled.has(key)) {
        tried.skipped.push(key);
        continue;
      }
      const { resource, action } = routeAccess(op.method, op.path);
      const grant = grantFor(resource, action);
      expect(grant, `${key} has a grant`).toBeDefined();
      tried.routes.add(key);
      const hasId = op.path.includes(':id');
      const byRecord = hasId && Object.hasOwn(visibleRecords, resource);
      const every = byRecord ? await allIds(resource) : undefined;

      for (const role of roles) {
        const api = clients.get(role)!;
        const allowed = grant!.roles.includes(role);
        const passing = op.method === 'get' || op.method === 'delete' || !op.body ? 200 : 400;
        const send = (path: string, query = '') =>
          api.call(op.method.toUpperCase(), path + query, op.body ? probeBody : undefined);

        if (!hasId) {
          const query = op.list ? `?range=${encodeURIComponent('[0,999]')}` : '';
          const res = await send(op.path, query);
          if (!allowed) {
            tried.forbidden++;
            expectStatus(`${key} as ${role}`, res.status, 403, res.body);
            continue;
          }
          const want = op.method === 'post' && op.path.endsWith('/read-all') ? 200 : passing;
          expectStatus(`${key} as ${role}`, res.status, op.list ? 200 : want, res.body);
          tried.own++;
          if (op.list && res.status === 200 && Object.hasOwn(visibleRecords, resource)) {
            tried.lists++;
            const mine = await idsOf(db.from(visibleRecords[resource](db, users.get(role)!).as('v')).select('v.id'));
            const total = Number(res.headers.get('content-range')?.split('/')[1]);
            const rows = (res.body as { id: number }[]).map((r) => Number(r.id));
            tried.listRows += rows.length;
            if (total !== mine.size)
              problems.push(`${key} as ${role}: Content-Range total ${total}, area holds ${mine.size}`);
            const leaked = rows.filter((id) => !mine.has(id));
            if (leaked.length)
              problems.push(`${key} as ${role}: rows outside the area ${leaked.slice(0, 5).join(', ')}`);
            // Asking for records outside by id, or sorting differently, shows none of them.
            const outside = [...(await allIds(resource))].filter((id) => !mine.has(id)).slice(0, 50);
            if (outside.length) {
              const byId = await send(op.path, `?filter=${encodeURIComponent(JSON.stringify({ id: outside }))}`);
              const n = Number(byId.headers.get('content-range')?.split('/')[1]);
              if (byId.status !== 200 || n !== 0 || byId.body.length)
                problems.push(
                  `${key} as ${role}: filter id of ${outside.length} records outside gave ${byId.status}, total ${n}`,
                );
              const reversed = await send(
                op.path,
                `?sort=${encodeURIComponent('["id","DESC"]')}&range=${encodeURIComponent('[0,999]')}`,
              );
              if (reversed.status === 200 && (reversed.body as { id: number }[]).some((r) => !mine.has(Number(r.id))))
                problems.push(`${key} as ${role}: sorting by id showed rows outside`);
            }
          }
          continue;
        }

        // A route naming a record: one of her area (when there is one) and one outside it.
        const cases: { scope: 'own' | 'other' | 'any'; id: string }[] = [];
        if (byRecord) {
          const mine = await idsOf(db.from(visibleRecords[resource](db, users.get(role)!).as('v')).select('v.id'));
          const own = [...mine].sort((a, b) => a - b)[0];
          const other = [...every!].filter((id) => !mine.has(id)).sort((a, b) => a - b)[0];
          if (own !== undefined) cases.push({ scope: 'own', id: String(own) });
          if (other !== undefined) cases.push({ scope: 'other', id: String(other) });
        } else {
          const id = await anyId(resource);
          if (id) cases.push({ scope: 'any', id });
          else tried.skipped.push(`${key} (no ${resource} on file)`);
        }
        for (const c of cases) {
          const res = await send(op.path.replace(':id', c.id));
          const want = !allowed ? 403 : c.scope === 'other' ? 404 : (allowedAnswer[key] ?? passing);
          if (!allowed) tried.forbidden++;
          else if (c.scope === 'other') tried.other++;
          else tried.own++;
          expectStatus(`${key} as ${role} (${c.scope} #${c.id})`, res.status, want, res.body);
        }
      }
    }

    const line =
      `${tried.routes.size} routes × ${roles.length} roles: ${tried.calls} calls (${tried.own} allowed in area, ${tried.other} outside the area → 404, ${tried.forbidden} without the grant → 403), ` +
      `${tried.lists} list checks (${tried.listRows} rows, totals and id filters), ${problems.length} unexpected` +
      (tried.skipped.length ? `; not called: ${tried.skipped.join(', ')}` : '');
    console.log(`access matrix: ${line}`);
    recordFigure('access matrix', line);
    expect(problems).toEqual([]);
    expect(tried.routes.size).toBeGreaterThanOrEqual(100);
    expect(tried.other).toBeGreaterThan(30);
  });
});
