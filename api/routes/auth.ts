import { Router } from 'express';
import {
  loginBody,
  loginResultSchema,
  okResultSchema,
  passwordChangeBody,
  userPublicSchema,
} from '../../contract/auth.js';
import { lockedError, retryAfterSeconds } from '../auth/login-guard.js';
import { changeOwnPassword } from '../auth/password-change.js';
import { bearerToken } from '../auth/sessions.js';
import { signIn, signOut } from '../auth/sign-in.js';
import type { RouteContext } from '../deps.js';

export function authRoutes({ registry, db, env }: RouteContext): Router {
  const router = Router();
  const settings = {
    maxFailures: env.SHEQU_LOGIN_MAX_FAILURES,
    lockMinutes: env.SHEQU_LOGIN_LOCK_MINUTES,
    idleHours: env.SHEQU_TOKEN_IDLE_HOURS,
  };

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
      body: loginBody,
      response: loginResultSchema,
    },
    async ({ body, req, res }) => {
      const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const outcome = await signIn(db, settings, { body, address, requestId: req.requestId });
      if ('locked' in outcome) {
        res.set('Retry-After', String(retryAfterSeconds(outcome.locked)));
        throw lockedError(outcome.locked);
      }
      return outcome;
    },
  );

  registry.add(
    router,
    { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in user', response: userPublicSchema },
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
      response: okResultSchema,
    },
    async ({ req, user }) => {
      await signOut(db, { user, requestId: req.requestId }, bearerToken(req.get('authorization'))!);
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
      body: passwordChangeBody,
      response: okResultSchema,
    },
    async ({ body, req, user }) => {
      await changeOwnPassword(db, { user, requestId: req.requestId }, body, bearerToken(req.get('authorization')));
      return { ok: true };
    },
  );
  return router;
}
