import knex, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from './migrations/index.js';

// Migrations are listed statically (see migrations/index.ts) so the same code runs under tsx,
// vitest and a bundler without knex scanning the file system for .ts files.

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' so no time zone shifts it.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function knexConfig(connection: string, pool = { min: 0, max: 10 }): Knex.Config {
  return {
    client: 'pg',
    connection,
    pool,
    migrations: { migrationSource, tableName: 'knex_migrations' },
  };
}

export function createDb(connection: string, pool?: { min: number; max: number }): Knex {
  return knex(knexConfig(connection, pool));
}

export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}
