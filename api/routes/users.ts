import { Router } from 'express';
import { z } from 'zod';
import { userCreateBody, userSchema, userUpdateBody } from '../../contract/users.js';
import { createUser, deactivateUser, updateUser } from '../commands/users.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { userDetail, userListSpec, usersQuery } from '../read-models/users.js';

export function userRoutes({ registry, db }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/users',
      tag: 'users',
      summary: 'Staff accounts',
      query: listQuery,
      list: true,
      response: z.array(userSchema),
    },
    async ({ res, query }) => sendList(res, userListSpec, usersQuery(db), query),
  );

  registry.add(
    router,
    { method: 'get', path: '/api/users/:id', tag: 'users', summary: 'One staff account', response: userSchema },
    async ({ params }) => userDetail(db, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Create a staff account',
      body: userCreateBody,
      status: 201,
      response: userSchema,
    },
    async ({ body, user, req }) => createUser(db, { user, requestId: req.requestId }, body),
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/users/:id',
      tag: 'users',
      summary: 'Change a staff account; a new password signs the user out everywhere',
      body: userUpdateBody,
      response: userSchema,
    },
    async ({ body, params, user, req }) => updateUser(db, { user, requestId: req.requestId }, idParam(params.id), body),
  );

  registry.add(
    router,
    {
      method: 'delete',
      path: '/api/users/:id',
      tag: 'users',
      summary: 'Deactivate a staff account (kept for the audit trail); returns it',
      response: userSchema,
    },
    async ({ params, user, req }) => deactivateUser(db, { user, requestId: req.requestId }, idParam(params.id)),
  );
  return router;
}
