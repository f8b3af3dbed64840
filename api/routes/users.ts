import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { recordId } from '../../contract/fields.js';
import { userSchema } from '../../contract/users.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { roles } from '../../domain/roles.js';
import { writeAudit } from '../../db/audit.js';
import { assertPasswordPolicy, hashPassword, passwordSchema } from '../auth/passwords.js';
import { revokeUserSessions } from '../auth/sessions.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const toApi = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  orgUnitId: r.org_unit_id,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const password = passwordSchema;
const userFields = {
  displayName: z.string().trim().min(1, '请输入姓名').max(100),
  role: z.enum(roles),
  orgUnitId: recordId(),
  active: z.boolean().default(true),
};
const createUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,39}$/, '3–40个小写字母、数字或 ._- (3–40 lowercase letters, digits or ._-)'),
  password,
  ...userFields,
});
const updateUser = z.object({ ...userFields, password: password.optional() });

const spec: ListSpec<UserRow> = {
  resource: 'users',
  idColumn: 'id',
  sortable: {
    id: 'id',
    username: 'username',
    displayName: 'display_name',
    role: 'role',
    orgUnitId: 'org_unit_id',
    active: 'active',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    role: filter(z.enum(roles), (qb, v) => qb.where('role', v)),
    orgUnitId: filter(z.coerce.number().int(), (qb, v) => qb.where('org_unit_id', v)),
    active: filter(z.boolean(), (qb, v) => qb.where('active', v)),
    q: filter(z.string().max(100), (qb, v) =>
      qb.where((w) => w.whereILike('username', containing(v)).orWhereILike('display_name', containing(v))),
    ),
  },
  toApi,
};

const columns = ['id', 'username', 'display_name', 'role', 'org_unit_id', 'active', 'created_at', 'updated_at'];

async function assertOrgUnit(db: Knex, id: number) {
  if (!(await db('org_units').where({ id }).first('id')))
    throw new ValidationError('组织单元不存在', { orgUnitId: '组织单元不存在 (no such org unit)' });
}

async function findUser(db: Knex, id: number): Promise<UserRow> {
  const row = await db('users').where({ id }).first(columns);
  if (!row) throw new NotFoundError();
  return row;
}

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
    async ({ res, query }) => sendList(res, spec, db('users').select(columns), query),
  );

  registry.add(
    router,
    { method: 'get', path: '/api/users/:id', tag: 'users', summary: 'One staff account', response: userSchema },
    async ({ params }) => toApi(await findUser(db, idParam(params.id))),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Create a staff account',
      body: createUser,
      status: 201,
      response: userSchema,
    },
    async ({ body, user: actor, req }) => {
      assertPasswordPolicy(body.password, body.username);
      await assertOrgUnit(db, body.orgUnitId);
      return db.transaction(async (trx) => {
        const [row] = await trx('users')
          .insert({
            username: body.username,
            display_name: body.displayName,
            role: body.role,
            org_unit_id: body.orgUnitId,
            active: body.active,
            password_hash: await hashPassword(body.password),
          })
          .onConflict('username')
          .ignore()
          .returning(columns);
        if (!row) throw new ConflictError(`用户名 ${body.username} 已存在 (username taken)`);
        await writeAudit(
          trx,
          { user: actor, requestId: req.requestId },
          {
            action: 'user.create',
            entityType: 'user',
            entityId: row.id,
            orgUnitId: row.org_unit_id,
            after: toApi(row),
          },
        );
        return toApi(row);
      });
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/users/:id',
      tag: 'users',
      summary: 'Change a staff account; a new password signs the user out everywhere',
      body: updateUser,
      response: userSchema,
    },
    async ({ body, params, user: actor, req }) => {
      const id = idParam(params.id);
      await assertOrgUnit(db, body.orgUnitId);
      return db.transaction(async (trx) => {
        const before = await trx('users').where({ id }).forUpdate().first(columns);
        if (!before) throw new NotFoundError();
        if (body.password) assertPasswordPolicy(body.password, before.username);
        if (id === actor.id && (!body.active || body.role !== 'admin')) {
          throw new ValidationError('不能停用自己或取消自己的管理员角色', {
            role: 'you cannot demote or deactivate yourself',
          });
        }
        const [row] = await trx('users')
          .where({ id })
          .update({
            display_name: body.displayName,
            role: body.role,
            org_unit_id: body.orgUnitId,
            active: body.active,
            updated_at: trx.fn.now(),
            ...(body.password ? { password_hash: await hashPassword(body.password) } : {}),
          })
          .returning(columns);
        if (body.password || !body.active) await revokeUserSessions(trx, id);
        await writeAudit(
          trx,
          { user: actor, requestId: req.requestId },
          {
            action: body.password ? 'user.update_with_password' : 'user.update',
            entityType: 'user',
            entityId: id,
            orgUnitId: row.org_unit_id,
            before: toApi(before),
            after: toApi(row),
          },
        );
        return toApi(row);
      });
    },
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
    async ({ params, user: actor, req }) => {
      const id = idParam(params.id);
      if (id === actor.id) throw new ValidationError('不能停用自己', { id: 'you cannot deactivate yourself' });
      return db.transaction(async (trx) => {
        const before = await trx('users').where({ id }).forUpdate().first(columns);
        if (!before) throw new NotFoundError();
        const [row] = await trx('users')
          .where({ id })
          .update({ active: false, updated_at: trx.fn.now() })
          .returning(columns);
        await revokeUserSessions(trx, id);
        await writeAudit(
          trx,
          { user: actor, requestId: req.requestId },
          {
            action: 'user.deactivate',
            entityType: 'user',
            entityId: id,
            orgUnitId: row.org_unit_id,
            before: toApi(before),
            after: toApi(row),
          },
        );
        return toApi(row);
      });
    },
  );
  return router;
}
