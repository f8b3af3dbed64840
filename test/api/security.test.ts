import type { Knex } from 'knex';
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit, writeAuditMany } from '../../db/audit.js';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { login, startTestStack, type TestStack } from '../support/stack.js';

// Sign-in guard, rate limit, headers, password policy, sessions and the audit hash chain,
// against the real API and PostgreSQL. The server listens on 127.0.0.1; each scenario connects
// from its own loopback address (127.0.0.x), so an address locked by one does not touch another,
// nor the plain logins from 127.0.0.1.

const root = resolve(import.meta.dirname, '../..');

interface Answer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

function loginFrom(stack: TestStack, from: string, username: string, password: string): Promise<Answer> {
  const url = new URL('/api/auth/login', stack.baseUrl);
  const payload = JSON.stringify({ username, password });
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          ok({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined, headers: res.headers }),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

const auditOf = (stack: TestStack, action: string) => stack.db('audit_events').where({ action }).orderBy('chain_seq');

describe('security', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.stop());

  describe('login guard', () => {
    it('locks an account after 5 wrong passwords: then even the right one is refused, from any address', async () => {
      for (let i = 1; i <= 4; i++) {
        const res = await loginFrom(stack, '127.0.0.2', 'caseworker2', `wrong-${i}`);
        expect(res.status, `attempt ${i}`).toBe(401);
        expect(res.body.message).toBe('用户名或密码错误 (wrong username or password)');
      }
      const fifth = await loginFrom(stack, '127.0.0.2', 'caseworker2', 'wrong-5');
      expect(fifth.status).toBe(423);

      const sixth = await loginFrom(stack, '127.0.0.2', 'caseworker2', stack.password);
      expect(sixth.status).toBe(423);
      expect(sixth.body.message).toMatch(
        /账户已锁定至北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(too many failed sign-ins: this account is locked until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\)/,
      );
      const until = Date.parse(/locked until (\S+)\)/.exec(sixth.body.message)![1]);
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 1000);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(14 * 60);
      // The account, not only the address: the right password from elsewhere is refused too.
      expect((await loginFrom(stack, '127.0.0.3', 'caseworker2', stack.password)).status).toBe(423);
      // Other accounts from elsewhere are not affected.
      expect((await loginFrom(stack, '127.0.0.3', 'caseworker1', stack.password)).status).toBe(200);

      const user = await stack.db('users').where({ username: 'caseworker2' }).first('id', 'org_unit_id');
      const failed = await auditOf(stack, 'auth.login_failed').where({
        entity_type: 'user',
        entity_id: String(user.id),
      });
      expect(failed).toHaveLength(5);
      expect(failed.map((e) => e.after.failures.account)).toEqual([1, 2, 3, 4, 5]);
      expect(failed[0]).toMatchObject({
        actor_id: null,
        org_unit_id: user.org_unit_id,
        after: { username: 'caseworker2', address: '127.0.0.2' },
      });
      const locked = await auditOf(stack, 'auth.locked').where({ entity_id: String(user.id) });
      expect(locked.map((e) => e.after.scope).sort()).toEqual(['account', 'address']); // the 5th failure from .2 locked both
      const refused = await auditOf(stack, 'auth.login_refused_locked').where({ entity_id: String(user.id) });
      expect(refused.map((e) => e.after.address)).toEqual(['127.0.0.2', '127.0.0.3']);
      // Never a password in the record, wrong or right.
      const all = JSON.stringify(await stack.db('audit_events').where('action', 'like', 'auth.%'));
      expect(all).not.toContain('wrong-');
      expect(all).not.toContain(stack.password);
    });

    it('locks an address after 5 failures across usernames; unknown names are recorded by the name typed', async () => {
      for (let i = 1; i <= 4; i++)
        expect((await loginFrom(stack, '127.0.0.4', `nobody${i}`, 'guess-123')).status).toBe(401);
      expect((await loginFrom(stack, '127.0.0.4', 'reviewer1', 'guess-123')).status).toBe(429);
      const res = await loginFrom(stack, '127.0.0.4', 'approver1', stack.password);
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(
        /此地址.*暂停登录至北京时间 .*\(too many failed sign-ins from this address: sign-in is blocked until .*Z\)/,
      );
      // Each name had one failure only: from another address they sign in.
      expect((await loginFrom(stack, '127.0.0.5', 'approver1', stack.password)).status).toBe(200);
      expect((await loginFrom(stack, '127.0.0.5', 'reviewer1', stack.password)).status).toBe(200);

      const unknown = await auditOf(stack, 'auth.login_failed')
        .where({ entity_type: 'login', entity_id: 'nobody1' })
        .first();
      expect(unknown).toMatchObject({
        actor_id: null,
        org_unit_id: null,
        after: { username: 'nobody1', address: '127.0.0.4', failures: { account: 1, address: 1 } },
      });
      const lock = await auditOf(stack, 'auth.locked').whereRaw(`after->>'address' = '127.0.0.4'`);
      expect(lock).toHaveLength(1);
      expect(lock[0].after).toMatchObject({ scope: 'address', username: 'reviewer1' });
      const refused = await auditOf(stack, 'auth.login_refused_locked')
        .whereRaw(`after->>'address' = '127.0.0.4'`)
        .first();
      expect(refused.after).toMatchObject({ scope: 'address', username: 'approver1' });
    });

    it('a successful sign-in resets the account count, not the address count', async () => {
      for (let i = 0; i < 4; i++)
        expect((await loginFrom(stack, '127.0.0.6', 'supervisor1', 'not-it-1')).status).toBe(401);
      expect((await loginFrom(stack, '127.0.0.6', 'supervisor1', stack.password)).status).toBe(200);
      // Without the reset the account would lock at the first of these.
      for (let i = 0; i < 4; i++)
        expect((await loginFrom(stack, '127.0.0.7', 'supervisor1', 'not-it-1')).status).toBe(401);
      expect((await loginFrom(stack, '127.0.0.7', 'supervisor1', stack.password)).status).toBe(200);
      // The address's count went on through the success: a 5th failure from .6 locks it.
      expect((await loginFrom(stack, '127.0.0.6', 'supervisor1', 'not-it-1')).status).toBe(429);
    });

    it('the same answer for an unknown user and a wrong password', async () => {
      const wrong = await loginFrom(stack, '127.0.0.8', 'finance1', 'not-it-2');
      const unknown = await loginFrom(stack, '127.0.0.8', 'no-such-user', 'not-it-2');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
    });
  });

  it('sends helmet headers with a content security policy', async () => {
    const res = await fetch(`${stack.baseUrl}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  describe('password policy', () => {
    const newUser = (username: string, password: string) => ({
      username,
      password,
      displayName: '密码测试',
      role: 'caseworker',
      orgUnitId: 3,
      active: true,
    });

    it('POST and PUT /api/users refuse weak passwords on the password field', async () => {
      const admin = await login(stack, 'admin1');
      for (const [password, message] of [
        ['short1', /at least 10/],
        ['abcdefghijkl', /letter and a digit/],
        ['password123', /too common/],
        ['pwtest1-2026x', /username/],
      ] as const) {
        const res = await admin.call('POST', '/api/users', newUser('pwtest1', password));
        expect(res.status, password).toBe(400);
        expect(Object.keys(res.body.errors)).toEqual(['password']);
        expect(res.body.errors.password).toMatch(message);
      }
      const created = await admin.call('POST', '/api/users', newUser('pwtest1', 'plum-blossom-88'));
      expect(created.status).toBe(201);

      const put = (password: string) =>
        admin.call('PUT', `/api/users/${created.body.id}`, {
          displayName: '密码测试',
          role: 'caseworker',
          orgUnitId: 3,
          active: true,
          password,
        });
      const weak = await put('PWTEST1-and-more-9');
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual({ password: '密码不能包含用户名 (must not contain the username)' });
      expect((await put('1234567890')).body.errors.password).toMatch(/letter and a digit/);
      expect((await put('orchid-lantern-7')).status).toBe(200);
    });

    it('POST /api/auth/password checks the current password and the policy, and ends only the other sessions', async () => {
      const here = await login(stack, 'leader1');
      const elsewhere = await login(stack, 'leader1');

      const wrongCurrent = await here.call('POST', '/api/auth/password', {
        currentPassword: 'not-the-one',
        newPassword: 'maple-harbor-31',
      });
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.errors).toEqual({ currentPassword: '当前密码不正确 (the current password is wrong)' });
      for (const [newPassword, message] of [
        ['short-1', /at least 10/],
        ['leader1-forever', /username/],
        ['qwerty12345', /too common/],
        [stack.password, /must differ/],
      ] as const) {
        const res = await here.call('POST', '/api/auth/password', { currentPassword: stack.password, newPassword });
        expect(res.status, newPassword).toBe(400);
        expect(Object.keys(res.body.errors)).toEqual(['newPassword']);
        expect(res.body.errors.newPassword).toMatch(message);
      }
      // Refusals changed nothing: both sessions still work.
      expect((await elsewhere.call('GET', '/api/auth/me')).status).toBe(200);

      const changed = await here.call('POST', '/api/auth/password', {
        currentPassword: stack.password,
        newPassword: 'maple-harbor-31',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ ok: true });
      expect((await here.call('GET', '/api/auth/me')).status).toBe(200);
      expect((await elsewhere.call('GET', '/api/auth/me')).status).toBe(401);
      expect((await loginFrom(stack, '127.0.0.9', 'leader1', stack.password)).status).toBe(401);
      expect((await loginFrom(stack, '127.0.0.9', 'leader1', 'maple-harbor-31')).status).toBe(200);

      const leader = await stack.db('users').where({ username: 'leader1' }).first('id');
      const events = await stack
        .db('audit_events')
        .where({ entity_type: 'user', entity_id: String(leader.id) })
        .whereLike('action', 'auth.password%')
        .orderBy('chain_seq')
        .pluck('action');
      expect(events).toEqual(['auth.password_change_refused', 'auth.password_changed']);
      expect(JSON.stringify(await stack.db('audit_events').whereLike('action', 'auth.password%'))).not.toContain(
        'maple-harbor-31',
      );
    });

    it('a signed-out request cannot change a password', async () => {
      const res = await fetch(`${stack.baseUrl}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'x', newPassword: 'y' }),
      });
      expect(res.status).toBe(401);
    });
  });

  describe('sessions', () => {
    it('a token unused longer than the idle period is refused', async () => {
      const api = await login(stack, 'finance1');
      expect((await api.call('GET', '/api/auth/me')).status).toBe(200);
      const idleSeconds = stack.env.SHEQU_TOKEN_IDLE_HOURS * 3600;
      await stack
        .db('sessions')
        .whereIn('user_id', stack.db('users').select('id').where({ username: 'finance1' }))
        .update({ last_seen_at: stack.db.raw(`now() - make_interval(secs => ?)`, [idleSeconds + 60]) });
      const res = await api.call('GET', '/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/token expired or revoked/);
    });

    it('a tampered token is refused', async () => {
      const api = await login(stack, 'approver1');
      const last = api.token.at(-1) === 'A' ? 'B' : 'A';
      for (const token of [`${api.token.slice(0, -1)}${last}`, `${api.token}x`, api.token.slice(1), 'x'.repeat(43)]) {
        const res = await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status, token).toBe(401);
      }
      expect((await api.call('GET', '/api/auth/me')).status).toBe(200);
    });
  });

  describe('audit hash chain', () => {
    it('chains bulk and concurrent inserts in one total order', async () => {
      const before = Number((await stack.db('audit_events').count({ n: '*' }))[0].n);
      await stack.db.transaction((trx) =>
        // One INSERT of 2,500 rows, chained one by one when the transaction commits.
        writeAuditMany(
          trx,
          { requestId: 'bulk' },
          Array.from({ length: 2500 }, (_, i) => ({
            action: 'test.bulk',
            entityType: 'test',
            entityId: i,
            after: { i },
          })),
          2500,
        ),
      );
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stack.db.transaction(async (trx) => {
            await writeAudit(
              trx,
              { requestId: `par-${i}` },
              { action: 'test.parallel', entityType: 'test', entityId: i },
            );
            await writeAudit(
              trx,
              { requestId: `par-${i}` },
              { action: 'test.parallel', entityType: 'test', entityId: i, before: null, after: { second: true } },
            );
          }),
        ),
      );
      // Written and rechecked under other session time zones: the hash does not depend on them.
      await stack.db.transaction(async (trx) => {
        await trx.raw(`SET LOCAL TIME ZONE 'Pacific/Chatham'`);
        await writeAudit(trx, { requestId: 'tz' }, { action: 'test.tz', entityType: 'test', entityId: 1 });
      });
      await stack.db.transaction(async (trx) => {
        await trx.raw(`SET LOCAL TIME ZONE 'America/St_Johns'`);
        const { rows } = await trx.raw(
          'SELECT count(*)::int AS n FROM audit_events a WHERE audit_event_hash(a) <> a.hash',
        );
        expect(rows[0].n).toBe(0);
      });
      const report = await verifyAuditChain(stack.db, { pageSize: 700 });
      expect(report).toMatchObject({ ok: true, events: before + 2541 });
      const [{ max, n }] = await stack
        .db('audit_events')
        .select(stack.db.raw('max(chain_seq)::int AS max, count(*)::int AS n'));
      expect(max).toBe(n);
      // The two events of one transaction are next to each other: the lock is held to commit.
      const seqs = await stack
        .db('audit_events')
        .where({ request_id: 'par-3' })
        .orderBy('chain_seq')
        .pluck('chain_seq');
      expect(Number(seqs[1]) - Number(seqs[0])).toBe(1);
    });

    it('chains at commit, so two writers crossing on a row both commit (no deadlock)', async () => {
      const unit = await stack.db('org_units').orderBy('id').first('id');
      let t2HasRow!: () => void;
      let t1Audited!: () => void;
      const t2Ready = new Promise<void>((r) => (t2HasRow = r));
      const t1Ready = new Promise<void>((r) => (t1Audited = r));
      const touch = (trx: Knex.Transaction) =>
        trx('org_units')
          .where({ id: unit.id })
          .update({ name: trx.raw('name') });
      // Had the chain lock been taken at insert, T1 would hold it waiting for T2's row while T2
      // waited for it to write its own event: PostgreSQL would abort one of them.
      const t1 = stack.db.transaction(async (trx) => {
        await writeAudit(trx, { requestId: 'cross-1' }, { action: 'test.cross', entityType: 'test', entityId: 1 });
        t1Audited();
        await t2Ready;
        await touch(trx);
      });
      const t2 = stack.db.transaction(async (trx) => {
        await touch(trx);
        t2HasRow();
        await t1Ready;
        await writeAudit(trx, { requestId: 'cross-2' }, { action: 'test.cross', entityType: 'test', entityId: 2 });
      });
      await Promise.all([t1, t2]);
      const seqs = await stack
        .db('audit_events')
        .where({ action: 'test.cross' })
        .orderBy('chain_seq')
        .pluck('request_id');
      expect(seqs).toEqual(['cross-2', 'cross-1']); // the chain follows commit order
      expect((await verifyAuditChain(stack.db)).ok).toBe(true);
      // The chain's own write is the only change the table allows.
      await expect(stack.db('audit_events').where({ request_id: 'cross-1' }).update({ action: 'x' })).rejects.toThrow(
        /append-only/,
      );
      await expect(
        stack.db('audit_events').where({ request_id: 'cross-1' }).update({ chain_seq: null, hash: null }),
      ).rejects.toThrow(/append-only/);
    });

    it(
      'verifies after the actions above, then names a row changed behind the trigger, and a row deleted',
      { timeout: 120_000 },
      async () => {
        const ok = await verifyAuditChain(stack.db);
        expect(ok.ok).toBe(true);
        const total = Number((await stack.db('audit_events').count({ n: '*' }))[0].n);
        expect(ok).toMatchObject({ events: total });
        const verifyScript = () =>
          promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], {
            cwd: root,
            env: { ...process.env, DATABASE_URL: stack.env.DATABASE_URL },
          }).then(
            (r) => ({ code: 0, out: r.stdout + r.stderr }),
            (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
          );
        const clean = await verifyScript();
        expect(clean.code, clean.out).toBe(0);
        expect(clean.out).toContain(`audit chain verified: ${total} events, last hash ${ok.ok && ok.lastHash}`);

        const victim = await stack.db('audit_events').where({ action: 'auth.password_changed' }).first();
        const later = Number(
          (await stack.db('audit_events').where('chain_seq', '>', victim.chain_seq).count({ n: '*' }))[0].n,
        );
        expect(later).toBeGreaterThan(0); // a link in the middle, not the last one
        const behindTheTrigger = async (sql: string, bindings: unknown[]) => {
          await stack.db.transaction(async (trx) => {
            await trx.raw('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
            await trx.raw(sql, bindings as never);
            await trx.raw('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
          });
        };
        await behindTheTrigger(`UPDATE audit_events SET after = ?::jsonb WHERE id = ?`, [
          JSON.stringify({ note: 'nothing happened' }),
          victim.id,
        ]);
        const tampered = await verifyAuditChain(stack.db);
        expect(tampered).toMatchObject({
          ok: false,
          broken: { id: Number(victim.id), chainSeq: Number(victim.chain_seq), problem: 'content_changed' },
        });
        const script = await verifyScript();
        expect(script.code, script.out).toBe(1);
        expect(script.out).toContain(
          `audit chain BROKEN at event ${victim.id} (chain_seq ${victim.chain_seq}): 内容被修改 (content changed)`,
        );

        // Recomputing the forged row's own hash only moves the break to the next link.
        await behindTheTrigger(`UPDATE audit_events a SET hash = audit_event_hash(a) WHERE id = ?`, [victim.id]);
        const next = await stack
          .db('audit_events')
          .where('chain_seq', Number(victim.chain_seq) + 1)
          .first('id');
        expect(await verifyAuditChain(stack.db)).toMatchObject({
          ok: false,
          broken: { id: Number(next.id), problem: 'prev_hash_mismatch' },
        });

        // Put it back as it was: the chain holds again.
        await behindTheTrigger(`UPDATE audit_events SET after = ?::jsonb, hash = ? WHERE id = ?`, [
          victim.after === null ? null : JSON.stringify(victim.after),
          victim.hash,
          victim.id,
        ]);
        expect((await verifyAuditChain(stack.db)).ok).toBe(true);

        // A deleted row leaves a gap, named at the event after it.
        const gone = await stack
          .db('audit_events')
          .where({ action: 'auth.login_refused_locked' })
          .orderBy('chain_seq')
          .first('id', 'chain_seq');
        await behindTheTrigger(`DELETE FROM audit_events WHERE id = ?`, [gone.id]);
        const after = await stack
          .db('audit_events')
          .where('chain_seq', '>', gone.chain_seq)
          .orderBy('chain_seq')
          .first('id', 'chain_seq');
        const gap = await verifyAuditChain(stack.db, { pageSize: 50 });
        expect(gap).toMatchObject({
          ok: false,
          broken: { id: Number(after.id), chainSeq: Number(after.chain_seq), problem: 'missing_event' },
        });
        expect(!gap.ok && gap.broken.detail).toContain(`chain_seq ${gone.chain_seq} absent`);
        const scriptGap = await verifyScript();
        expect(scriptGap.code).toBe(1);
        expect(scriptGap.out).toContain(`event ${after.id}`);
        expect(scriptGap.out).toContain('missing event');
      },
    );
  });
});

describe('security with short limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      worker: false,
      env: { SHEQU_LOGIN_LOCK_MINUTES: '0.1', SHEQU_LOGIN_RATE_PER_MINUTE: '12' },
    });
  });
  afterAll(() => stack?.stop());

  it('a lock ends after its time, and the count starts again', async () => {
    for (let i = 0; i < 4; i++)
      expect((await loginFrom(stack, '127.0.0.2', 'caseworker1', 'not-it-3')).status).toBe(401);
    expect((await loginFrom(stack, '127.0.0.2', 'caseworker1', 'not-it-3')).status).toBe(423);
    expect((await loginFrom(stack, '127.0.0.2', 'caseworker1', stack.password)).status).toBe(423);
    await new Promise((r) => setTimeout(r, 6500));
    expect((await loginFrom(stack, '127.0.0.2', 'caseworker1', 'not-it-3')).status).toBe(401);
    expect((await loginFrom(stack, '127.0.0.3', 'caseworker1', stack.password)).status).toBe(200);
  });

  it('rate-limits sign-ins per address with 429 and a JSON message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await loginFrom(stack, '127.0.0.10', 'admin1', stack.password)).status);
    expect(statuses).toEqual(Array(12).fill(200));
    const limited = await loginFrom(stack, '127.0.0.10', 'admin1', stack.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      message: '登录请求过于频繁，请一分钟后再试 (too many sign-in requests from this address; try again in a minute)',
    });
    expect(limited.headers['ratelimit-policy']).toBeDefined();
    // Per address: another one is not limited.
    expect((await loginFrom(stack, '127.0.0.11', 'admin1', stack.password)).status).toBe(200);
    // Only sign-in is limited.
    const admin = await login(stack, 'admin1');
    expect((await admin.call('GET', '/api/auth/me')).status).toBe(200);
  });
});
