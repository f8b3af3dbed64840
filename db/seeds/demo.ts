import type { Knex } from 'knex';
import { hashPassword } from '../passwords.js';
import { demoUsers, district, type SeedUnit } from './org-structure.js';
import { seedReferralBase } from './referral-base.js';

// Idempotent: a second run (every `npm start`) adds what is missing and changes nothing else,
// so data a user created and passwords a user changed survive restarts.

async function upsertUnit(trx: Knex.Transaction, unit: SeedUnit, parent: { id: number; path: string } | null) {
  let row = await trx('org_units').where({ code: unit.code }).first('id', 'path');
  if (!row) {
    const { rows } = await trx.raw(`SELECT nextval('org_units_id_seq')::int AS id`);
    const id: number = rows[0].id;
    const path = `${parent?.path ?? '/'}${id}/`;
    await trx('org_units').insert({
      id,
      parent_id: parent?.id ?? null,
      kind: unit.kind,
      code: unit.code,
      name: unit.name,
      path,
      residents: unit.residents ?? null,
    });
    row = { id, path };
  }
  for (const child of unit.children ?? []) await upsertUnit(trx, child, row);
}

export interface SeedResult {
  orgUnits: number;
  usersCreated: string[];
}

export async function seedDemo(db: Knex, opts: { password: string }): Promise<SeedResult> {
  return db.transaction(async (trx) => {
    // Serialise concurrent seeders (two launchers, parallel test files) on one lock.
    await trx.raw('SELECT pg_advisory_xact_lock(7423001)');
    await upsertUnit(trx, district, null);
    const usersCreated: string[] = [];
    const passwordHash = await hashPassword(opts.password);
    for (const u of demoUsers) {
      const unit = await trx('org_units').where({ code: u.orgUnitCode }).first('id');
      const inserted = await trx('users')
        .insert({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          org_unit_id: unit.id,
          password_hash: passwordHash,
        })
        .onConflict('username')
        .ignore()
        .returning('username');
      if (inserted.length) usersCreated.push(u.username);
    }
    await seedReferralBase(trx);
    const [{ count }] = await trx('org_units').count<{ count: string }[]>('* as count');
    return { orgUnits: Number(count), usersCreated };
  });
}
