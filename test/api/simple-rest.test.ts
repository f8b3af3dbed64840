import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';

// The console's own data provider, pointed at the real API: if the list contract drifts,
// this fails the same way the console would.

describe('ra-data-simple-rest contract', () => {
  let stack: TestStack;
  let admin: ApiClient;
  let provider: ReturnType<typeof simpleRestProvider>;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await login(stack, 'admin1');
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, {
        ...options,
        headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${admin.token}` }),
      });
    provider = simpleRestProvider(`${stack.baseUrl}/api`, httpClient);
  });
  afterAll(() => stack.stop());

  it('reads org-units with sort, range and filter, and the right total', async () => {
    const all = await provider.getList('org-units', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(all.total).toBe(1 + 6 + 5 + 76); // district, streets, towns, communities
    expect(all.data).toHaveLength(10);

    const communities = await provider.getList('org-units', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'DESC' },
      filter: { kind: 'community' },
    });
    expect(communities.total).toBe(76);
    expect(communities.data).toHaveLength(25);
    const names = communities.data.map((r) => r.name as string);
    expect([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(names);
    expect(communities.data.every((r) => r.kind === 'community')).toBe(true);

    const lastPage = await provider.getList('org-units', {
      pagination: { page: 4, perPage: 25 },
      sort: { field: 'id', order: 'ASC' },
      filter: { kind: 'community' },
    });
    expect(lastPage.data).toHaveLength(1);

    const streets = await provider.getList('org-units', {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'id', order: 'ASC' },
      filter: { kind: 'street', q: '城' },
    });
    expect(streets.data.map((r) => r.name)).toEqual(['城东街道', '城西街道', '城南街道', '城北街道', '城中街道']);
  });

  it('getMany and getOne', async () => {
    const many = await provider.getMany('org-units', { ids: [1, 2, 3] });
    expect(many.data.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    const one = await provider.getOne('org-units', { id: 1 });
    expect(one.data).toMatchObject({ id: 1, name: '海陵区', kind: 'district', residents: 328000 });
  });

  it('create, update and delete return the record (users)', async () => {
    const created = await provider.create('users', {
      data: {
        username: 'caseworker9',
        password: 'longenough1',
        displayName: '测试',
        role: 'caseworker',
        orgUnitId: 3,
        active: true,
      },
    });
    expect(created.data).toMatchObject({ username: 'caseworker9', role: 'caseworker' });
    const updated = await provider.update('users', {
      id: created.data.id,
      data: { displayName: '测试二', role: 'caseworker', orgUnitId: 3, active: true },
      previousData: created.data,
    });
    expect(updated.data.displayName).toBe('测试二');
    const deleted = await provider.delete('users', { id: created.data.id, previousData: updated.data });
    expect(deleted.data).toMatchObject({ id: created.data.id, active: false });
    const events = await provider.getList('audit-events', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
      filter: { entityType: 'user', entityId: String(created.data.id) },
    });
    expect(events.data.map((e) => e.action)).toEqual(['user.create', 'user.update', 'user.deactivate']);
  });

  it('refuses unknown filters and sort fields with a message per field', async () => {
    const res = await admin.call(
      'GET',
      `/api/org-units?filter=${encodeURIComponent('{"bogus":1}')}&sort=${encodeURIComponent('["password","ASC"]')}`,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['filter.bogus', 'sort']);
    const badRange = await admin.call('GET', `/api/org-units?range=${encodeURIComponent('[10,2]')}`);
    expect(badRange.status).toBe(400);
    const notJson = await admin.call('GET', `/api/org-units?filter=${encodeURIComponent('{oops')}`);
    expect(notJson.status).toBe(400);
  });

  it("scopes lists to the user's area, totals included", async () => {
    const caseworker = await login(stack, 'caseworker1');
    // Her community, and the district's map (district, 6 streets, 5 towns); no other community.
    const mine = await caseworker.call('GET', `/api/org-units?filter=${encodeURIComponent('{"kind":"community"}')}`);
    expect(mine.headers.get('content-range')).toBe('org-units 0-0/1');
    expect((await caseworker.call('GET', '/api/org-units')).headers.get('content-range')).toMatch(/\/13$/);
    const outside = await caseworker.call('GET', `/api/org-units?filter=${encodeURIComponent('{"id":[1,2,3,4]}')}`);
    expect(outside.body.map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
    expect((await caseworker.call('GET', '/api/org-units/4')).status).toBe(404);
    const reviewer = await login(stack, 'reviewer1');
    const street = await reviewer.call('GET', `/api/org-units?filter=${encodeURIComponent('{"kind":"community"}')}`);
    expect(street.headers.get('content-range')).toMatch(/\/13$/); // 城东街道's 13 communities
  });

  it('users are for admins only', async () => {
    const caseworker = await login(stack, 'caseworker1');
    expect((await caseworker.call('GET', '/api/users')).status).toBe(403);
    expect((await caseworker.call('POST', '/api/users', { username: 'x' })).status).toBe(403);
  });
});
