import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { userCreateBody, userUpdateBody } from '../../contract/users.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { revokeUserSessions } from '../auth/sessions.js';
import { userColumns, userToApi, type User } from '../read-models/users.js';
import type { RequestActor } from './request-actor.js';

// Staff accounts: created, changed, deactivated (never deleted: the audit trail names them).
// Each answers with the account as it stands after, and records it before and after.

async function assertOrgUnit(db: Knex, id: number) {
  if (!(await db('org_units').where({ id }).first('id')))
    throw new ValidationError('组织单元不存在', { orgUnitId: '组织单元不存在 (no such org unit)' });
}

export async function createUser(db: Knex, actor: RequestActor, body: z.output<typeof userCreateBody>): Promise<User> {
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
      .returning(userColumns);
    if (!row) throw new ConflictError(`用户名 ${body.username} 已存在 (username taken)`);
    await writeAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      orgUnitId: row.org_unit_id,
      after: userToApi(row),
    });
    return userToApi(row);
  });
}

/** A new password, or deactivating, signs the user out everywhere. */
export async function updateUser(
  db: Knex,
  actor: RequestActor,
  id: number,
  body: z.output<typeof userUpdateBody>,
): Promise<User> {
  await assertOrgUnit(db, body.orgUnitId);
  return db.transaction(async (trx) => {
    const before = await trx('users').where({ id }).forUpdate().first(userColumns);
    if (!before) throw new NotFoundError();
    if (body.password) assertPasswordPolicy(body.password, before.username);
    if (id === actor.user.id && (!body.active || body.role !== 'admin')) {
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
      .returning(userColumns);
    if (body.password || !body.active) await revokeUserSessions(trx, id);
    await writeAudit(trx, actor, {
      action: body.password ? 'user.update_with_password' : 'user.update',
      entityType: 'user',
      entityId: id,
      orgUnitId: row.org_unit_id,
      before: userToApi(before),
      after: userToApi(row),
    });
    return userToApi(row);
  });
}

/** Deactivates (kept for the audit trail) and signs the user out everywhere; nobody deactivates herself. */
export async function deactivateUser(db: Knex, actor: RequestActor, id: number): Promise<User> {
  if (id === actor.user.id) throw new ValidationError('不能停用自己', { id: 'you cannot deactivate yourself' });
  return db.transaction(async (trx) => {
    const before = await trx('users').where({ id }).forUpdate().first(userColumns);
    if (!before) throw new NotFoundError();
    const [row] = await trx('users')
      .where({ id })
      .update({ active: false, updated_at: trx.fn.now() })
      .returning(userColumns);
    await revokeUserSessions(trx, id);
    await writeAudit(trx, actor, {
      action: 'user.deactivate',
      entityType: 'user',
      entityId: id,
      orgUnitId: row.org_unit_id,
      before: userToApi(before),
      after: userToApi(row),
    });
    return userToApi(row);
  });
}
