import type { Knex } from 'knex';
import type { z } from 'zod';
import type { memberSchema } from '../../contract/households.js';
import { piiHash } from '../../db/pii.js';
import { containing } from '../http/simple-rest.js';

export async function membersOf(db: Knex, householdId: number): Promise<z.infer<typeof memberSchema>[]> {
  const rows = await db('household_members').where({ household_id: householdId }).orderBy('id');
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    idNumberMasked: m.id_number_masked,
    relation: m.relation,
    birthDate: String(m.birth_date),
    disabled: m.disabled,
    monthlyIncomeFen: Number(m.monthly_income_fen),
    verifiedIncomeFen: m.verified_income_fen === null ? null : Number(m.verified_income_fen),
    leftHousehold: m.left_household,
  }));
}

/**
 * An ID number as `q` can find it without decrypting anything: the whole number by its keyed
 * hash, or up to its last four characters on the masked form (the only digits it keeps). Any
 * other text finds no ID number. `table` is the alias holding id_number_hash/_masked.
 */
export function idNumberCondition(table: string, q: string): ((w: Knex.QueryBuilder) => void) | null {
  const v = q.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(v)) return (w) => void w.where(`${table}.id_number_hash`, piiHash(v));
  if (/^[\dX]{1,4}$/.test(v)) return (w) => void w.where(`${table}.id_number_masked`, 'like', `%${v}`);
  return null;
}

/** `q` on a person: her name, or her ID number as `idNumberCondition` finds it. */
export function whereNameOrIdNumber(qb: Knex.QueryBuilder, table: string, nameColumn: string, q: string): void {
  const byId = idNumberCondition(table, q);
  qb.where((w) => {
    w.whereILike(nameColumn, containing(q));
    if (byId) w.orWhere(byId);
  });
}

/** `q` on a household: the head's name, or any member's ID number (whole, or its last digits). */
export function whereNameOrIdDigits(
  qb: Knex.QueryBuilder,
  householdColumn: string,
  nameColumn: string,
  q: string,
): void {
  const byId = idNumberCondition('qm', q);
  qb.where((w) => {
    w.whereILike(nameColumn, containing(q));
    if (byId)
      w.orWhereExists((e) =>
        e.select(1).from('household_members as qm').whereRaw(`qm.household_id = ${householdColumn}`).where(byId),
      );
  });
}
