import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { UnauthorizedError } from '../../domain/errors.js';
import { bearerToken, userForToken } from './sessions.js';

export function authenticate(
  db: Knex,
  idleHours: number,
  isPublic: (method: string, path: string) => boolean,
): RequestHandler {
  return async (req, _res, next) => {
    if (isPublic(req.method, req.baseUrl + req.path)) return next();
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new UnauthorizedError();
    const user = await userForToken(db, token, idleHours);
    if (!user) throw new UnauthorizedError('登录已过期或已注销，请重新登录 (token expired or revoked)');
    req.user = user;
    next();
  };
}
