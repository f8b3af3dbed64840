import { resolve } from 'node:path';
import type { Knex } from 'knex';
import type { Env } from '../config/env.js';
import { createDb } from '../db/knexfile.js';
import { useLocalPiiKeys } from './local-pii-keys.js';
import { runningEmbeddedUrl } from './postgres.js';

// The command-line tools (import, audit:verify, pii:rotate) work on DATABASE_URL, or else on the
// embedded PostgreSQL a running `npm start` keeps in SHEQU_DATA_DIR, sealed with its own keys.

const root = resolve(import.meta.dirname, '..');

export function failScript(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Connects to the database the tool should work on, or exits 2 saying why it cannot. `what` finishes "run … again". */
export async function openScriptDb(env: Env, what: string, max = 2): Promise<Knex> {
  const pgDir = resolve(root, env.SHEQU_DATA_DIR, 'pg');
  if (!env.DATABASE_URL) useLocalPiiKeys(resolve(root, env.SHEQU_DATA_DIR));
  const url = env.DATABASE_URL ?? runningEmbeddedUrl(pgDir);
  if (!url) {
    failScript(
      `内置 PostgreSQL 没有运行，也没有设置 DATABASE_URL (the embedded PostgreSQL in ${pgDir} is not running and DATABASE_URL is not set).\n` +
        `Start Shequ with \`npm start\` in another terminal and run ${what} again, or set DATABASE_URL.`,
    );
  }
  const db = createDb(url, { min: 0, max });
  try {
    await db.raw('SELECT 1');
  } catch (e) {
    await db.destroy();
    failScript(
      `cannot connect to PostgreSQL (${env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}): ${(e as Error).message}`,
    );
  }
  return db;
}
