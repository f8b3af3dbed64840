import type { Knex } from 'knex';
import { z } from 'zod';
import { maskIdNumber } from '../../domain/id-number.js';

export const memberSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  relation: z.string(),
  birthDate: z.string(),
  disabled: z.boolean(),
  monthlyIncomeFen: z.number(),
  verifiedIncomeFen: z.number().nullable(),
  leftHousehold: z.boolean(),
});

export async function membersOf(db: Knex, householdId: number): Promise<z.infer<typeof memberSchema>[]> {
  const rows = await db('household_members').where({ household_id: householdId }).orderBy('id');
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    idNumberMasked: maskIdNumber(m.id_number),
    relation: m.relation,
    birthDate: String(m.birth_date),
    disabled: m.disabled,
    monthlyIncomeFen: Number(m.monthly_income_fen),
    verifiedIncomeFen: m.verified_income_fen === null ? null : Number(m.verified_income_fen),
    leftHousehold: m.left_household,
  }));
}

/** `q` on a household: the head's name, or the last digits of any member's ID number. */
export function whereNameOrIdDigits(qb: Knex.QueryBuilder, householdColumn: string, nameColumn: string, q: string): void {
  qb.where((w) =>
    w.whereILike(nameColumn, `%${q}%`).orWhereExists((e) =>
      e.select(1).from('household_members as qm').whereRaw(`qm.household_id = ${householdColumn}`).where('qm.id_number', 'like', `%${q.toUpperCase()}`),
    ),
  );
}
