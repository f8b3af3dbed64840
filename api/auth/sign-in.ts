import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { UnauthorizedError } from '../../domain/errors.js';
import type { loginBody, userPublicSchema } from '../../contract/auth.js';
import type { AuthUser } from '../http/types.js';
import { activeLock, purgeStale, recordFailure, recordSuccess, type GuardSettings, type Lock } from './login-guard.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeSession } from './sessions.js';

// Signing in (a username and password for a bearer token, under the login guard) and out; each
// attempt is an audit event.

// An unknown username still costs one bcrypt comparison, so the answer's timing does not tell
// which usernames exist.
let dummyHash: Promise<string> | undefined;
const hashToCompare = (hash: string | undefined) =>
  hash ? Promise.resolve(hash) : (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const WRONG_LOGIN = '用户名或密码错误 (wrong username or password)';

export interface SignInSettings extends GuardSettings {
  idleHours: number;
}

/** One sign-in: what was typed, from which client address, in which request. */
export interface SignInAttempt {
  body: z.output<typeof loginBody>;
  address: string;
  requestId: string;
}

export type SignedIn = { token: string; user: z.infer<typeof userPublicSchema> };

/**
 * A token and the user for the right password of an active user; `locked` when the username or
 * the address is locked, before or by this attempt (the caller refuses with 423 / 429). A wrong
 * password or unknown user is a 401 that does not say which.
 */
export async function signIn(
  db: Knex,
  settings: SignInSettings,
  { body, address, requestId }: SignInAttempt,
): Promise<SignedIn | { locked: Lock }> {
  const guard: GuardSettings = { maxFailures: settings.maxFailures, lockMinutes: settings.lockMinutes };
  const found = await db('users').where({ username: body.username }).first();
  const user = found?.active ? found : undefined;
  // Attempts are recorded against the user when the name is one (deactivated too), else
  // against the name typed; never with the password.
  const entity = found
    ? { entityType: 'user', entityId: found.id, orgUnitId: found.org_unit_id }
    : { entityType: 'login', entityId: body.username };
  const attempt = { username: body.username, address };
  const system = { requestId };

  const lock = await activeLock(db, body.username, address);
  if (lock) {
    await writeAudit(db, system, {
      action: 'auth.login_refused_locked',
      ...entity,
      after: { ...attempt, scope: lock.scope, lockedUntil: lock.until.toISOString() },
    });
    return { locked: lock };
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
    if (locked) return { locked };
    // Same answer for unknown user and wrong password: do not reveal which usernames exist.
    throw new UnauthorizedError(WRONG_LOGIN);
  }

  const token = await db.transaction(async (trx) => {
    await recordSuccess(trx, body.username);
    const t = await createSession(trx, user.id, settings.idleHours);
    await writeAudit(
      trx,
      { user, requestId },
      { action: 'auth.login', entityType: 'user', entityId: user.id, orgUnitId: user.org_unit_id },
    );
    return t;
  });
  // Housekeeping on the way out; a failure here must not fail the sign-in.
  await purgeStale(db, guard).catch((e) => console.warn(`[api] ${requestId} login_guards purge failed:`, e));
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
}

/** Revokes the token the request came with, and records the sign-out. */
export async function signOut(db: Knex, actor: { user: AuthUser; requestId: string }, token: string): Promise<void> {
  await revokeSession(db, token);
  await writeAudit(db, actor, {
    action: 'auth.logout',
    entityType: 'user',
    entityId: actor.user.id,
    orgUnitId: actor.user.orgUnitId,
  });
}
