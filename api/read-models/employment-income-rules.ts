import type { Knex } from 'knex';
import type { EmploymentIncomeRule } from '../../contract/employment-income-rules.js';
import type { ListSpec } from '../http/simple-rest.js';

// Effective-dated employment-income rules, newest date first, like the allowance standards.

export interface IncomeRuleRow {
  id: number;
  effective_from: string;
  deduction_kind: 'fixed' | 'share';
  deduction_value: number;
  exit_ceiling_percent: number;
  gradual_months: number;
  step_down: boolean;
  created_at: Date;
}

export const incomeRuleToApi = (r: IncomeRuleRow): EmploymentIncomeRule => ({
  id: r.id,
  effectiveFrom: String(r.effective_from),
  deductionKind: r.deduction_kind,
  deductionValue: r.deduction_value,
  exitCeilingPercent: r.exit_ceiling_percent,
  gradualMonths: r.gradual_months,
  stepDown: r.step_down,
  createdAt: r.created_at.toISOString(),
});

export const incomeRuleListSpec: ListSpec<IncomeRuleRow> = {
  resource: 'employment-income-rules',
  idColumn: 'id',
  sortable: { id: 'id', effectiveFrom: 'effective_from' },
  defaultSort: ['effectiveFrom', 'DESC'],
  filters: {},
  toApi: incomeRuleToApi,
};

export const incomeRulesQuery = (db: Knex): Knex.QueryBuilder => db('employment_income_rules').select('*');
