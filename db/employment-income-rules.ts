import type { Knex } from 'knex';
import { rulesOn, type EmploymentIncomeRules } from '../domain/employment-income.js';

export interface StoredIncomeRules extends EmploymentIncomeRules {
  id: number;
}

export async function loadIncomeRules(db: Knex | Knex.Transaction): Promise<StoredIncomeRules[]> {
  const rows = await db('employment_income_rules').orderBy('effective_from');
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: String(r.effective_from),
    deduction:
      r.deduction_kind === 'fixed'
        ? { kind: 'fixed' as const, fen: r.deduction_value }
        : { kind: 'share' as const, percent: r.deduction_value },
    exitCeilingPercent: r.exit_ceiling_percent,
    gradualMonths: r.gradual_months,
    stepDown: r.step_down,
  }));
}

/** Like the allowance standard, a gap in the rules waits (retryable) until the bureau fills it. */
export async function incomeRulesInForce(db: Knex | Knex.Transaction, date: string): Promise<EmploymentIncomeRules> {
  const r = rulesOn(await loadIncomeRules(db), date);
  if (!r) throw new Error(`没有 ${date} 生效的就业收入核算规则 (no employment income rules in force on ${date})`);
  return r;
}
