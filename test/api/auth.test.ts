import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, loginRequest, startTestStack, type TestStack } from '../support/stack.js';

describe('authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack.stop());

  it('logs in every demo role and answers /me', async () => {
    for (const [username, role] of [
      ['caseworker1', 'caseworker'],
      ['reviewer1', 'street_reviewer'],
      ['approver1', 'district_approver'],
      ['finance1', 'finance'],
      ['supervisor1', 'supervisor'],
      ['admin1', 'admin'],
    ]) {
      const api = await login(stack, username);
      const me = await api.call('GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username, role });
    }
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await loginRequest(stack.baseUrl, 'caseworker1', 'nope');
    const unknown = await loginRequest(stack.baseUrl, 'nobody', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it('answers 401 without a token on every /api route but login and health', async () => {
    const admin = await login(stack, 'admin1');
    const doc = (await admin.call('GET', '/api/openapi.json')).body;
    const checked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const url = stack.baseUrl + path.replace(/\{\w+\}/g, '1');
        const res = await fetch(url, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: method === 'get' || method === 'delete' ? undefined : '{}',
        });
        const isPublic =
          (method === 'post' && path === '/api/auth/login') || (method === 'get' && path === '/api/health');
        if (isPublic) expect(res.status, `${method} ${path}`).not.toBe(401);
        else expect(res.status, `${method} ${path}`).toBe(401);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(14);
    expect((await fetch(`${stack.baseUrl}/api/no-such-thing`)).status).toBe(401);
  });

  it('logout revokes the token; a tampered token is refused', async () => {
    const api = await login(stack, 'reviewer1');
    expect((await api.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await api.call('GET', '/api/auth/me')).status).toBe(401);
    const other = await login(stack, 'reviewer1');
    const tampered = await fetch(`${stack.baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${other.token.slice(0, -2)}xx` },
    });
    expect(tampered.status).toBe(401);
  });

  it('expires a token after the idle period', async () => {
    const api = await login(stack, 'finance1');
    await stack
      .db('sessions')
      .update({ expires_at: stack.db.raw(`now() - interval '1 second'`) })
      .whereIn('user_id', stack.db('users').select('id').where({ username: 'finance1' }));
    expect((await api.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('health reports both dependencies with versions', async () => {
    const res = await fetch(`${stack.baseUrl}/api/health`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.database).toMatchObject({ ok: true });
    expect(body.database.version).toMatch(/^\d+/);
    expect(body.temporal).toMatchObject({ ok: true, namespace: 'default' });
    expect(body.temporal.version).toMatch(/^1\./);
  });
});
