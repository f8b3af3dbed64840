import { mkdirSync, rmSync } from 'node:fs';
import type { Knex } from 'knex';
import { createDb } from '../db/knexfile.js';
import { prepareDatabase } from '../scripts/prepare-db.js';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '../scripts/postgres.js';

export const BENCH_PASSWORD = 'bench-password';

/** A fresh, migrated, seeded database: in a throw-away embedded PostgreSQL, or on DATABASE_URL. */
export async function benchDatabase(name: string): Promise<{ db: Knex; url: string; stop: () => Promise<void> }> {
  const dir = `.data/bench/${name}-pg`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync('.data/bench', { recursive: true });
  const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: dir });
  const admin = process.env.DATABASE_URL ?? pg!.adminUrl();
  const dbName = `shequ_bench_${name}_${process.pid}`;
  await ensureDatabase(admin, dbName);
  const url = withDatabase(admin, dbName);
  await prepareDatabase(url, BENCH_PASSWORD);
  const db = createDb(url, { min: 2, max: 20 });
  return {
    db,
    url,
    async stop() {
      await db.destroy();
      await pg?.stop();
      // Throw-away data: a million households leave gigabytes behind otherwise.
      if (pg) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function loginToken(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}
