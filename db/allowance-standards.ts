import type { Knex } from 'knex';
import { standardOn, type AllowanceStandard } from '../domain/allowance.js';

export async function loadStandards(db: Knex | Knex.Transaction): Promise<AllowanceStandard[]> {
  const rows = await db('allowance_standards').select('effective_from', 'standard_fen', 'floor_per_person_fen');
  return rows.map((r) => ({
    effectiveFrom: String(r.effective_from),
    standardFen: Number(r.standard_fen),
    floorPerPersonFen: Number(r.floor_per_person_fen),
  }));
}

/**
 * The standard in force on `date`. A missing one is a configuration gap the bureau must fix, so
 * this throws a retryable error: the activity waits (and shows as failing to supervisors)
 * until a standard is entered, instead of computing an amount from nothing.
 */
export async function standardInForce(db: Knex | Knex.Transaction, date: string): Promise<AllowanceStandard> {
  const s = standardOn(await loadStandards(db), date);
  if (!s)
    throw new Error(
      `没有 ${date} 生效的低保标准 (no allowance standard in force on ${date}); enter one under 保障标准`,
    );
  return s;
}

/** Incomes that count: the verified figure once there is one, otherwise the declared one. */
export async function currentIncomes(
  db: Knex | Knex.Transaction,
  householdId: number,
): Promise<{ memberIds: number[]; incomesFen: number[] }> {
  const rows = await db('household_members')
    .where({ household_id: householdId, left_household: false })
    .orderBy('id')
    .select('id', 'monthly_income_fen', 'verified_income_fen');
  return {
    memberIds: rows.map((r) => r.id),
    incomesFen: rows.map((r) => Number(r.verified_income_fen ?? r.monthly_income_fen)),
  };
}
