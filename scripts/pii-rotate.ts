import type { DbRow } from '../db/row.js';
import { resolve } from 'node:path';
import type { Knex } from 'knex';
import { ConfigError, loadEnv } from '../config/env.js';
import {
  decodeKey,
  decryptPiiWith,
  encryptPiiWith,
  keyIdOf,
  piiHashWith,
  piiKeysFromEnv,
  PiiConfigError,
  type PiiKeys,
} from '../db/pii.js';
import { useLocalPiiKeys } from './local-pii-keys.js';
import { failScript, openScriptDb } from './script-db.js';

// `npm run pii:rotate`: after a new key was put first in SHEQU_PII_KEYS (the old ones still
// listed), re-seals every value not sealed under it; with SHEQU_PII_HASH_KEY_PREVIOUS set (the
// hash key being replaced; SHEQU_PII_HASH_KEY the new one), recomputes every search hash too.
// Batches of BATCH rows, each its own transaction and written only if the value is still the
// one read, so it can run beside the API and be interrupted and run again: a second run finds
// nothing to do. Exit codes: 0 done, 1 values it could not open, 2 cannot run.

const BATCH = 2000;
const root = resolve(import.meta.dirname, '..');

let env;
let keys: PiiKeys;
let previousHash: Pick<PiiKeys, 'hashKey'> | undefined;
try {
  env = loadEnv();
  // The embedded database of `npm start` is sealed with the keys it keeps in its data directory
  // (pii-keys.json: put the new key first there too, so the next start uses it).
  if (!env.DATABASE_URL) useLocalPiiKeys(resolve(root, env.SHEQU_DATA_DIR));
  keys = piiKeysFromEnv(process.env);
  if (env.SHEQU_PII_HASH_KEY_PREVIOUS) {
    if (!env.SHEQU_PII_HASH_KEY)
      failScript('SHEQU_PII_HASH_KEY_PREVIOUS is the key being replaced: set the new one in SHEQU_PII_HASH_KEY');
    previousHash = { hashKey: decodeKey(env.SHEQU_PII_HASH_KEY_PREVIOUS, 'SHEQU_PII_HASH_KEY_PREVIOUS') };
  }
} catch (e) {
  failScript(e instanceof ConfigError || e instanceof PiiConfigError ? e.message : String(e));
}

const db = await openScriptDb(env, 'this');

interface Counts {
  resealed: number;
  rehashed: number;
  unreadable: number;
  /** Hashes matching neither the previous nor the new key (written by something else). */
  strayHashes: number;
}

const current = `v1:${keys.currentKeyId}:%`;

/** A table of rows keyed by `id`, its sealed column and, for most, the hash beside it. */
async function rotateColumn(table: string, enc: string, hash: string | null): Promise<Counts> {
  const counts: Counts = { resealed: 0, rehashed: 0, unreadable: 0, strayHashes: 0 };
  const rehash = hash !== null && previousHash !== undefined;
  let last: string | number = 0;
  for (;;) {
    const q = db(table)
      .where('id', '>', last)
      .whereNotNull(enc)
      .orderBy('id')
      .limit(BATCH)
      .select('id', enc, ...(hash ? [hash] : []));
    // Without a new hash key only values under an older key need work; the rest are not even read.
    if (!rehash) q.whereNot(enc, 'like', current);
    const rows: DbRow[] = await q;
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const updates: Record<string, unknown>[] = [];
    for (const r of rows) {
      let plain: string;
      try {
        plain = decryptPiiWith(keys, r[enc]);
      } catch (e) {
        counts.unreadable++;
        console.error(`  ${table}.${enc} id ${r.id}: ${(e as Error).message}`);
        continue;
      }
      const u: Record<string, unknown> = { id: r.id, old: r[enc], enc: r[enc] };
      let changed = false;
      if (keyIdOf(r[enc]) !== keys.currentKeyId) {
        u.enc = encryptPiiWith(keys, plain);
        counts.resealed++;
        changed = true;
      }
      if (rehash) {
        const fresh = piiHashWith(keys, plain);
        u.hash = fresh;
        if (r[hash] !== fresh) {
          if (r[hash] !== piiHashWith(previousHash!, plain)) counts.strayHashes++;
          counts.rehashed++;
          changed = true;
        }
      } else if (hash) u.hash = r[hash];
      if (changed) updates.push(u);
    }
    if (updates.length) {
      // Only where the sealed value is still the one read: a value the API rewrote meanwhile is
      // already under the current key.
      await db.raw(
        `UPDATE ?? AS t SET ?? = v.enc${hash ? ', ?? = v.hash' : ''}
           FROM jsonb_to_recordset(?::jsonb) AS v(id bigint, old text, enc text, hash text)
          WHERE t.id = v.id AND t.?? = v.old`,
        [table, enc, ...(hash ? [hash] : []), JSON.stringify(updates), enc],
      );
    }
  }
  return counts;
}

/** Whole bank files: few rows, each one large value, keyed otherwise than by id. */
async function rotateFiles(table: string, key: string[]): Promise<Counts> {
  const counts: Counts = { resealed: 0, rehashed: 0, unreadable: 0, strayHashes: 0 };
  for (const row of await db(table)
    .whereNot('content_enc', 'like', current)
    .select(...key)) {
    const where = Object.fromEntries(key.map((k) => [k, row[k]]));
    await db.transaction(async (trx: Knex.Transaction) => {
      const file = await trx(table).where(where).forUpdate().first('content_enc');
      if (!file || keyIdOf(file.content_enc) === keys.currentKeyId) return;
      try {
        await trx(table)
          .where(where)
          .update({ content_enc: encryptPiiWith(keys, decryptPiiWith(keys, file.content_enc)) });
        counts.resealed++;
      } catch (e) {
        counts.unreadable++;
        console.error(`  ${table} ${JSON.stringify(where)}: ${(e as Error).message}`);
      }
    });
  }
  return counts;
}

const jobs: [string, () => Promise<Counts>][] = [
  ['household_members.id_number', () => rotateColumn('household_members', 'id_number_enc', 'id_number_hash')],
  ['households.bank_account', () => rotateColumn('households', 'bank_account_enc', 'bank_account_hash')],
  ['job_seekers.id_number', () => rotateColumn('job_seekers', 'id_number_enc', 'id_number_hash')],
  ['volunteers.id_number', () => rotateColumn('volunteers', 'id_number_enc', 'id_number_hash')],
  ['payments.account', () => rotateColumn('payments', 'account_enc', null)],
  ['bank_files.content', () => rotateFiles('bank_files', ['run_id', 'seq'])],
  ['sim_bank_batches.content', () => rotateFiles('sim_bank_batches', ['batch_id'])],
];

console.log(
  `sealing under key "${keys.currentKeyId}" (ring: ${[...keys.keys.keys()].join(', ')})${previousHash ? '; recomputing search hashes with the new SHEQU_PII_HASH_KEY' : ''}`,
);
let unreadable = 0;
try {
  for (const [name, run] of jobs) {
    const t = performance.now();
    const c = await run();
    unreadable += c.unreadable;
    const parts = [`${c.resealed} re-sealed`];
    if (previousHash && !name.startsWith('payments') && !name.includes('content'))
      parts.push(
        `${c.rehashed} hashes recomputed${c.strayHashes ? ` (${c.strayHashes} matched neither hash key)` : ''}`,
      );
    if (c.unreadable) parts.push(`${c.unreadable} could not be opened`);
    console.log(`  ${name.padEnd(28)} ${parts.join(', ')} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
} finally {
  await db.destroy();
}
if (unreadable)
  failScript(
    `${unreadable} value(s) could not be opened with SHEQU_PII_KEYS: list the key they were sealed with and run again`,
    1,
  );
console.log('done: every value is sealed under the current key');
process.exit(0);
