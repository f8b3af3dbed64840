import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../../domain/roles.js';
import type { AuthUser } from '../http/types.js';

// Opaque bearer tokens; the database keeps only their SHA-256, with an idle expiry that each
// use pushes forward (at most once a minute, so reads do not all become writes).

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Knex, userId: number, idleHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({
    token_hash: hashToken(token),
    user_id: userId,
    expires_at: db.raw(`now() + make_interval(secs => ?)`, [idleHours * 3600]),
  });
  return token;
}

export async function userForToken(db: Knex, token: string, idleHours: number): Promise<AuthUser | undefined> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .join('org_units as o', 'o.id', 'u.org_unit_id')
    .where('s.token_hash', hashToken(token))
    .whereNull('s.revoked_at')
    .where('s.expires_at', '>', db.fn.now())
    // Also idle since last use by the current setting: lowering SHEQU_TOKEN_IDLE_HOURS ends
    // tokens issued under a longer one.
    .where('s.last_seen_at', '>', db.raw(`now() - make_interval(secs => ?)`, [idleHours * 3600]))
    .where('u.active', true)
    .first(
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_id',
      'o.path',
      db.raw(`s.last_seen_at < now() - interval '1 minute' AS stale`),
    );
  if (!row) return undefined;
  if (row.stale) {
    await db('sessions')
      .where({ token_hash: hashToken(token) })
      .update({
        last_seen_at: db.fn.now(),
        expires_at: db.raw(`now() + make_interval(secs => ?)`, [idleHours * 3600]),
      });
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    orgUnitId: row.org_unit_id,
    orgPath: row.path,
  };
}

export async function revokeSession(db: Knex, token: string): Promise<void> {
  await db('sessions')
    .where({ token_hash: hashToken(token) })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
}

export async function revokeUserSessions(db: Knex, userId: number, exceptToken?: string): Promise<void> {
  const q = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (exceptToken) q.whereNot({ token_hash: hashToken(exceptToken) });
  await q.update({ revoked_at: db.fn.now() });
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
