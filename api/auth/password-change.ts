import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { ConflictError, ValidationError } from '../../domain/errors.js';
import type { passwordChangeBody } from '../../contract/auth.js';
import type { AuthUser } from '../http/types.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.js';

/**
 * Changes the signed-in user's own password, checked against the current one; her other
 * sessions end, the one holding `keepToken` stays.
 */
export async function changeOwnPassword(
  db: Knex,
  actor: { user: AuthUser; requestId: string },
  body: z.output<typeof passwordChangeBody>,
  keepToken: string | undefined,
): Promise<void> {
  const { user } = actor;
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
    await revokeUserSessions(trx, user.id, keepToken);
    await writeAudit(trx, actor, { action: 'auth.password_changed', ...entity });
  });
}
