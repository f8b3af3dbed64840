import { describe, expect, it } from 'vitest';
import { accessPolicy, grantFor, mayDo, routeAccess } from '../../domain/access-policy.js';
import { districtWideRoles } from '../../domain/roles.js';
import { policyTable, readmeTable } from '../../scripts/policy-table.js';

describe('access policy', () => {
  it('names each route by its method and path', () => {
    expect(routeAccess('get', '/api/applications')).toEqual({ resource: 'applications', action: 'list' });
    expect(routeAccess('get', '/api/applications/:id')).toEqual({ resource: 'applications', action: 'show' });
    expect(routeAccess('post', '/api/applications')).toEqual({ resource: 'applications', action: 'create' });
    expect(routeAccess('put', '/api/job-openings/:id')).toEqual({ resource: 'job-openings', action: 'edit' });
    expect(routeAccess('delete', '/api/users/:id')).toEqual({ resource: 'users', action: 'delete' });
    expect(routeAccess('post', '/api/applications/:id/withdraw')).toEqual({
      resource: 'applications',
      action: 'withdraw',
    });
    expect(routeAccess('get', '/api/disbursement-runs/:id/bank-file')).toEqual({
      resource: 'disbursement-runs',
      action: 'bank-file',
    });
    expect(routeAccess('post', '/api/notifications/read-all')).toEqual({
      resource: 'notifications',
      action: 'read-all',
    });
    expect(routeAccess('get', '/api/openapi.json')).toEqual({ resource: 'openapi', action: 'list' });
  });

  it('gives district-scoped grants to district-wide roles only', () => {
    for (const [resource, actions] of Object.entries(accessPolicy)) {
      for (const [action, grant] of Object.entries(actions)) {
        if (grant.scope === 'district')
          expect(
            grant.roles.filter((r) => !districtWideRoles.includes(r)),
            `${resource}.${action}`,
          ).toEqual([]);
      }
    }
  });

  it('keeps team leaders to volunteer work', () => {
    expect(mayDo('team_leader', 'applications', 'list')).toBe(false);
    expect(mayDo('team_leader', 'payments', 'list')).toBe(false);
    expect(mayDo('team_leader', 'volunteer-hours', 'confirm')).toBe(true);
    expect(mayDo(undefined, 'volunteers', 'list')).toBe(false);
    expect(grantFor('constructor', 'list')).toBeUndefined();
    expect(grantFor('applications', 'toString')).toBeUndefined();
  });

  it('is what the README shows', () => {
    expect(readmeTable(), 'run: npm run policy:table -- --write').toBe(policyTable());
  });
});
