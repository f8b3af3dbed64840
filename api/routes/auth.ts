import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { ConflictError, UnauthorizedError, ValidationError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import {
  activeLock,
  lockedError,
  purgeStale,
  recordFailure,
  recordSuccess,
  retryAfterSeconds,
  type Lock,
} from '../auth/login-guard.js';
import { assertPasswordPolicy, hashPassword, passwordSchema, verifyPassword } from '../auth/passwords.js';
import { bearerToken, createSession, revokeSession, revokeUserSessions } from '../auth/sessions.js';
import type { RouteContext } from '../deps.js';

export const userPublic = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgUnitId: z.number(),
});

// An unknown username still costs one bcrypt comparison, so the answer's timing does not tell
// which usernames exist.
let dummyHash: Promise<string> | undefined;
const hashToCompare = (hash: string | undefined) =>
  hash ? Promise.resolve(hash) : (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const WRONG_LOGIN = '用户名或密码错误 (wrong username or password)';

export function authRoutes({ registry, db, env }: RouteContext): Router {
  const router = Router();
  const guard = { maxFailures: env.SHEQU_LOGIN_MAX_FAILURES, lockMinutes: env.SHEQU_LOGIN_LOCK_MINUTES };

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Exchange a username and password for a bearer token',
      description:
        `After ${env.SHEQU_LOGIN_MAX_FAILURES} failed sign-ins within ${env.SHEQU_LOGIN_LOCK_MINUTES} minutes the username is locked (423) and, counted separately, ` +
        `the client address (429), for ${env.SHEQU_LOGIN_LOCK_MINUTES} minutes; a locked sign-in is refused without checking the password. ` +
        `More than ${env.SHEQU_LOGIN_RATE_PER_MINUTE} requests a minute from one address are refused with 429.`,
      public: true,
      body: z.object({
        username: z.string().trim().min(1, '请输入用户名').max(100),
        password: z.string().min(1, '请输入密码').max(200),
      }),
      response: z.object({ token: z.string(), user: userPublic }),
    },
    async ({ body, req, res }) => {
      const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const found = await db('users').where({ username: body.username }).first();
      const user = found?.active ? found : undefined;
      // Attempts are recorded against the user when the name is one (deactivated too), else
      // against the name typed; never with the password.
      const entity = found
        ? { entityType: 'user', entityId: found.id, orgUnitId: found.org_unit_id }
        : { entityType: 'login', entityId: body.username };
      const attempt = { username: body.username, address };
      const system = { requestId: req.requestId };
      const refuse = (lock: Lock) => {
        res.set('Retry-After', String(retryAfterSeconds(lock)));
        return lockedError(lock);
      };

      const lock = await activeLock(db, body.username, address);
      if (lock) {
        await writeAudit(db, system, {
          action: 'auth.login_refused_locked',
          ...entity,
          after: { ...attempt, scope: lock.scope, lockedUntil: lock.until.toISOString() },
        });
        throw refuse(lock);
      }

      const passwordOk = await verifyPassword(body.password, await hashToCompare(user?.password_hash));
      if (!user || !passwordOk) {
        const outcome = await db.transaction(async (trx) => {
          const o = await recordFailure(trx, body.username, address, guard);
          await writeAudit(trx, system, {
            action: 'auth.login_failed',
            ...entity,
            after: { ...attempt, failures: o.failures },
          });
          for (const l of o.locked) {
            await writeAudit(trx, system, {
              action: 'auth.locked',
              ...entity,
              after: { ...attempt, scope: l.scope, lockedUntil: l.until.toISOString(), maxFailures: guard.maxFailures },
            });
          }
          return o;
        });
        const locked = outcome.locked.find((l) => l.scope === 'account') ?? outcome.locked[0];
        if (locked) throw refuse(locked);
        // Same answer for unknown user and wrong password: do not reveal which usernames exist.
        throw new UnauthorizedError(WRONG_LOGIN);
      }

      const token = await db.transaction(async (trx) => {
        await recordSuccess(trx, body.username);
        const t = await createSession(trx, user.id, env.SHEQU_TOKEN_IDLE_HOURS);
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          { action: 'auth.login', entityType: 'user', entityId: user.id, orgUnitId: user.org_unit_id },
        );
        return t;
      });
      // Housekeeping on the way out; a failure here must not fail the sign-in.
      await purgeStale(db, guard).catch((e) => console.warn(`[api] ${req.requestId} login_guards purge failed:`, e));
      return {
        token,
        user: {
          id: user.id,
          username: user.username,
          displayName: user.display_name,
          role: user.role,
          orgUnitId: user.org_unit_id,
        },
      };
    },
  );

  registry.add(
    router,
    { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in user', response: userPublic },
    async ({ user }) => ({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
    }),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Revoke the token used for this request',
      response: z.object({ ok: z.boolean() }),
    },
    async ({ req, user }) => {
      await revokeSession(db, bearerToken(req.get('authorization'))!);
      await writeAudit(
        db,
        { user, requestId: req.requestId },
        { action: 'auth.logout', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId },
      );
      return { ok: true };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/password',
      tag: 'auth',
      summary: 'Change your own password; your other sessions end, this one stays',
      body: z.object({
        currentPassword: z.string().min(1, '请输入当前密码 (enter your current password)').max(200),
        newPassword: passwordSchema,
      }),
      response: z.object({ ok: z.boolean() }),
    },
    async ({ body, req, user }) => {
      const actor = { user, requestId: req.requestId };
      const entity = { entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId };
      const { password_hash: currentHash } = await db('users').where({ id: user.id }).first('password_hash');
      if (!(await verifyPassword(body.currentPassword, currentHash))) {
        // Someone at an unlocked screen may be guessing: worth a record.
        await writeAudit(db, actor, { action: 'auth.password_change_refused', ...entity });
        throw new ValidationError('请求内容无效 (invalid request body): currentPassword', {
          currentPassword: '当前密码不正确 (the current password is wrong)',
        });
      }
      assertPasswordPolicy(body.newPassword, user.username, 'newPassword');
      if (await verifyPassword(body.newPassword, currentHash)) {
        throw new ValidationError('请求内容无效 (invalid request body): newPassword', {
          newPassword: '新密码不能与当前密码相同 (must differ from the current password)',
        });
      }
      const newHash = await hashPassword(body.newPassword);
      await db.transaction(async (trx) => {
        // Only over the hash just checked: a change made meanwhile elsewhere is not silently overwritten.
        const changed = await trx('users')
          .where({ id: user.id, password_hash: currentHash })
          .update({ password_hash: newHash, updated_at: trx.fn.now() });
        if (!changed)
          throw new ConflictError(
            '密码刚被修改，请重新输入当前密码 (the password was changed meanwhile; try again with the current one)',
          );
        await revokeUserSessions(trx, user.id, bearerToken(req.get('authorization')));
        await writeAudit(trx, actor, { action: 'auth.password_changed', ...entity });
      });
      return { ok: true };
    },
  );
  return router;
}
