import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, loginRequest, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';

describe('Idempotency-Key and the audit log', () => {
  let stack: TestStack;
  let admin: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await login(stack, 'admin1');
  });
  afterAll(() => stack.stop());

  const newUser = (username: string) => ({
    username,
    password: 'longenough1',
    displayName: '幂等',
    role: 'caseworker',
    orgUnitId: 3,
    active: true,
  });

  it('a repeat with the same key and body returns the original answer and acts once', async () => {
    const first = await admin.call('POST', '/api/users', newUser('idem1'), { 'Idempotency-Key': 'key-1' });
    const again = await admin.call('POST', '/api/users', newUser('idem1'), { 'Idempotency-Key': 'key-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [{ count }] = await stack.db('users').where({ username: 'idem1' }).count();
    expect(Number(count)).toBe(1);
    const [{ count: audits }] = await stack
      .db('audit_events')
      .where({ action: 'user.create', entity_id: String(first.body.id) })
      .count();
    expect(Number(audits)).toBe(1);
  });

  it('the same key with a different body is a 409 and changes nothing', async () => {
    await admin.call('POST', '/api/users', newUser('idem2'), { 'Idempotency-Key': 'key-2' });
    const other = await admin.call('POST', '/api/users', newUser('idem3'), { 'Idempotency-Key': 'key-2' });
    expect(other.status).toBe(409);
    expect(await stack.db('users').where({ username: 'idem3' }).first()).toBeUndefined();
  });

  it('concurrent repeats still act once', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.call('POST', '/api/users', newUser('idem4'), { 'Idempotency-Key': 'key-4' }),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    const [{ count }] = await stack.db('users').where({ username: 'idem4' }).count();
    expect(Number(count)).toBe(1);
  });

  it('validation errors come back per field and change nothing', async () => {
    const before = await stack.db('users').count();
    const res = await admin.call('POST', '/api/users', {
      username: 'A',
      password: 'short',
      displayName: '',
      role: 'king',
      orgUnitId: -1,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['displayName', 'orgUnitId', 'password', 'role', 'username']);
    expect(await stack.db('users').count()).toEqual(before);
    const malformed = await fetch(`${stack.baseUrl}/api/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).message).toMatch(/JSON/);
  });

  it('audit events cannot be updated, deleted or truncated, even in SQL', async () => {
    await expect(stack.db('audit_events').update({ action: 'forged' })).rejects.toThrow(/append-only/);
    await expect(stack.db('audit_events').delete()).rejects.toThrow(/append-only/);
    await expect(stack.db.raw('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('a password change signs the user out everywhere', async () => {
    const created = await admin.call('POST', '/api/users', newUser('pwchange'));
    const res = await loginRequest(stack.baseUrl, 'pwchange', 'longenough1');
    const { token } = await res.json();
    const put = await admin.call('PUT', `/api/users/${created.body.id}`, {
      displayName: '改密',
      role: 'caseworker',
      orgUnitId: 3,
      active: true,
      password: 'anotherlong2',
    });
    expect(put.status).toBe(200);
    expect(
      (await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });
});
