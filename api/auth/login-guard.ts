import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Knex } from 'knex';

// Failed sign-ins are counted per account and, separately, per client address: guessing one
// account's password locks the account, trying many accounts from one address locks the
// address. Failures count within a window as long as the lock, from the first failure of the
// window. The account key is the lower-cased username whether or not such a user exists, so a
// lock says nothing about which usernames are real.

export type LockScope = 'account' | 'address';

export interface Lock {
  scope: LockScope;
  until: Date;
}

export interface GuardSettings {
  maxFailures: number;
  lockMinutes: number;
}

const keyOf = (scope: LockScope, username: string, address: string) =>
  scope === 'account' ? username.toLowerCase() : address;

/** The lock in force for this username or address, the account's first. */
export async function activeLock(db: Knex, username: string, address: string): Promise<Lock | undefined> {
  const rows: { scope: LockScope; locked_until: Date }[] = await db('login_guards')
    .where((w) =>
      w
        .where({ scope: 'account', key: keyOf('account', username, address) })
        .orWhere({ scope: 'address', key: address }),
    )
    .where('locked_until', '>', db.fn.now())
    .select('scope', 'locked_until');
  const row = rows.find((r) => r.scope === 'account') ?? rows[0];
  return row && { scope: row.scope, until: row.locked_until };
}

export interface FailureOutcome {
  failures: Record<LockScope, number>;
  /** Locks this failure started (none when the counters are still below the limit). */
  locked: Lock[];
}

/** Counts one failed sign-in against the account and the address; call in the transaction that audits it. */
export async function recordFailure(
  trx: Knex.Transaction,
  username: string,
  address: string,
  s: GuardSettings,
): Promise<FailureOutcome> {
  const lockSeconds = s.lockMinutes * 60;
  const out: FailureOutcome = { failures: { account: 0, address: 0 }, locked: [] };
  for (const scope of ['account', 'address'] as const) {
    const key = keyOf(scope, username, address);
    await trx('login_guards').insert({ scope, key }).onConflict(['scope', 'key']).ignore();
    // Row lock: concurrent failures for one key count one after another.
    const g = await trx('login_guards')
      .where({ scope, key })
      .forUpdate()
      .first(
        'failures',
        trx.raw(`coalesce(first_failure_at > now() - make_interval(secs => ?), false) AS in_window`, [lockSeconds]),
        trx.raw(`coalesce(locked_until > now(), false) AS locked`),
      );
    // A request that passed the lock check just before another one set the lock: already counted.
    if (g.locked) continue;
    const failures = (g.in_window ? g.failures : 0) + 1;
    out.failures[scope] = failures;
    if (failures >= s.maxFailures) {
      // The count starts again after the lock, so an expired lock gives the full number of tries.
      const [row] = await trx('login_guards')
        .where({ scope, key })
        .update({
          failures: 0,
          first_failure_at: null,
          locked_until: trx.raw(`now() + make_interval(secs => ?)`, [lockSeconds]),
        })
        .returning('locked_until');
      out.locked.push({ scope, until: row.locked_until });
    } else {
      await trx('login_guards')
        .where({ scope, key })
        .update({ failures, locked_until: null, ...(g.in_window ? {} : { first_failure_at: trx.fn.now() }) });
    }
  }
  return out;
}

/** A successful sign-in clears the account's count (not the address's: one known password must not reset a guessing address). */
export async function recordSuccess(db: Knex | Knex.Transaction, username: string): Promise<void> {
  await db('login_guards').where({ scope: 'account', key: username.toLowerCase() }).delete();
}

/**
 * Forgets rows that no longer hold anything (window and lock both over, the same as no row), so
 * names and addresses tried once do not pile up. Rows in use elsewhere are skipped, not waited for.
 */
export async function purgeStale(db: Knex, s: GuardSettings): Promise<void> {
  await db.raw(
    `DELETE FROM login_guards WHERE (scope, key) IN (
       SELECT scope, key FROM login_guards
        WHERE (locked_until IS NULL OR locked_until <= now())
          AND (first_failure_at IS NULL OR first_failure_at <= now() - make_interval(secs => ?))
        LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
    [s.lockMinutes * 60],
  );
}

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const utc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The refusal while locked: 423 for an account, 429 for an address, saying until when. */
export function lockedError(lock: Lock): Error & { status: number } {
  const until = new Date(Math.ceil(lock.until.getTime() / 1000) * 1000);
  const message =
    lock.scope === 'account'
      ? `登录失败次数过多，该账户已锁定至北京时间 ${beijing(until)} (too many failed sign-ins: this account is locked until ${utc(until)})`
      : `此地址登录失败次数过多，已暂停登录至北京时间 ${beijing(until)} (too many failed sign-ins from this address: sign-in is blocked until ${utc(until)})`;
  return Object.assign(new Error(message), { status: lock.scope === 'account' ? 423 : 429 });
}

/** Seconds until the lock ends, for a Retry-After header. */
export const retryAfterSeconds = (lock: Lock): number =>
  Math.max(1, Math.ceil((lock.until.getTime() - Date.now()) / 1000));

/** Per client address, before any password is checked: bounds how fast anyone can guess at all. */
export function loginRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        message:
          '登录请求过于频繁，请一分钟后再试 (too many sign-in requests from this address; try again in a minute)',
      });
    },
  });
}
