import { Router } from 'express';
import { z } from 'zod';
import { UnauthorizedError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import { verifyPassword } from '../auth/passwords.js';
import { bearerToken, createSession, revokeSession } from '../auth/sessions.js';
import type { RouteContext } from '../deps.js';

export const userPublic = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgUnitId: z.number(),
});

export function authRoutes({ registry, db, env }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Exchange a username and password for a bearer token',
      public: true,
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(100), password: z.string().min(1, '请输入密码').max(200) }),
      response: z.object({ token: z.string(), user: userPublic }),
    },
    async ({ body, req }) => {
      const user = await db('users').where({ username: body.username, active: true }).first();
      // Same answer for unknown user and wrong password: do not reveal which usernames exist.
      if (!user || !(await verifyPassword(body.password, user.password_hash))) {
        throw new UnauthorizedError('用户名或密码错误 (wrong username or password)');
      }
      const token = await createSession(db, user.id, env.SHEQU_TOKEN_IDLE_HOURS);
      await writeAudit(db, { user, requestId: req.requestId }, { action: 'auth.login', entityType: 'user', entityId: user.id, orgUnitId: user.org_unit_id });
      return {
        token,
        user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, orgUnitId: user.org_unit_id },
      };
    },
  );

  registry.add(
    router,
    { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in user', response: userPublic },
    async ({ user }) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId }),
  );

  registry.add(
    router,
    { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Revoke the token used for this request', response: z.object({ ok: z.boolean() }) },
    async ({ req, user }) => {
      await revokeSession(db, bearerToken(req.get('authorization'))!);
      await writeAudit(db, { user, requestId: req.requestId }, { action: 'auth.logout', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId });
      return { ok: true };
    },
  );
  return router;
}
