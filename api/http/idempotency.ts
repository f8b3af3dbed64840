import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { piiKeys } from '../../db/pii.js';
import { ConflictError, ValidationError } from '../../domain/errors.js';

// `Idempotency-Key` on POST: the first request with a key acts and its answer is stored before
// it is sent; a repeat with the same key and body gets the stored answer (and a
// `Idempotent-Replayed: true` header), a repeat with another body gets 409. Keys are per user.
// A 5xx answer is not stored, so a retry after a failure acts again. A key left "in progress"
// by a crashed process can be taken over after SHEQU_IDEMPOTENCY_STALE_SECONDS.
//
// A crash between an effect and its stored answer must not let the retry act twice, so:
// - a handler that creates rows stores its answer in the same transaction (`req.idempotency.commit`);
// - a Workflow Update sent under a key carries the key as its Update ID (`currentUpdateId`):
//   Temporal runs an Update ID once per workflow run and hands a retry the first outcome.

const updateIds = new AsyncLocalStorage<string>();

/** The Update ID for a Workflow Update sent while handling this request, if it came with a key. */
export const currentUpdateId = (): string | undefined => updateIds.getStore();

// Keyed, because bodies carry passwords and ID numbers: a plain digest of a body whose other
// fields are known could be guessed back.
const requestHash = (method: string, path: string, body: unknown) =>
  createHmac('sha256', piiKeys().hashKey)
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');

export function idempotency(db: Knex, staleSeconds: number): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || !key || !req.user) return next();
    if (key.length > 200)
      throw new ValidationError('Idempotency-Key 过长 (at most 200 characters)', {
        'Idempotency-Key': 'at most 200 characters',
      });
    const userId = req.user.id;
    const path = req.baseUrl + req.path;
    const hash = requestHash(req.method, path, req.body);

    const claimed = await db('idempotency_keys')
      .insert({ user_id: userId, key, method: req.method, path, request_hash: hash })
      .onConflict(['user_id', 'key'])
      .ignore()
      .returning('key');
    if (!claimed.length) {
      const existing = await db('idempotency_keys').where({ user_id: userId, key }).first();
      if (existing.request_hash !== hash) {
        throw new ConflictError('Idempotency-Key 已用于另一个请求 (this key was used for a different request)');
      }
      if (existing.completed_at) {
        res.set('Idempotent-Replayed', 'true');
        res.status(existing.status_code).json(existing.response_body);
        return;
      }
      const takenOver = await db('idempotency_keys')
        .where({ user_id: userId, key })
        .whereNull('completed_at')
        .where('created_at', '<', db.raw(`now() - make_interval(secs => ?)`, [staleSeconds]))
        .update({ created_at: db.fn.now() })
        .returning('key');
      if (!takenOver.length)
        throw new ConflictError('同一请求正在处理中，请稍候 (a request with this key is still in progress)');
    }

    let committed = false;
    req.idempotency = {
      async commit(trx, status, body) {
        await trx('idempotency_keys')
          .where({ user_id: userId, key })
          .update({ status_code: status, response_body: JSON.stringify(body ?? null), completed_at: trx.fn.now() });
        committed = true;
      },
    };
    const send = res.json.bind(res);
    res.json = ((body: unknown) => {
      const status = res.statusCode;
      // Stored with the effect already: the answer a retry gets is that one.
      if (committed && status < 500) {
        send(body);
        return res;
      }
      const store =
        status >= 500
          ? db('idempotency_keys').where({ user_id: userId, key }).delete()
          : db('idempotency_keys')
              .where({ user_id: userId, key })
              .update({ status_code: status, response_body: JSON.stringify(body ?? null), completed_at: db.fn.now() });
      store.then(
        () => send(body),
        (err: unknown) => {
          console.error('[api] could not store idempotent response', err);
          send(body);
        },
      );
      return res;
    }) as typeof res.json;
    updateIds.run(`${userId}:${key}`, next);
  };
}
