import type { CreateIncomeRuleBody, EmploymentIncomeRule } from '../../../contract/employment-income-rules';
import { formatFen, yuanToFen } from '../common/money';

// The form holds what the policy document says — a deduction in yuan or a percentage, the
// ceiling as a multiple of the standard (1.5×) — and the API takes integer fen and percent.

export interface IncomeRuleForm {
  effectiveFrom: string;
  deductionKind: 'fixed' | 'share';
  /** Yuan for a fixed deduction, percent for a share. */
  deductionAmount: number;
  exitCeilingMultiple: number;
  gradualMonths: number;
  stepDown?: boolean;
}

/** The body of POST /api/employment-income-rules, as the API's own schema takes it. */
export const toIncomeRulePayload = (form: IncomeRuleForm): CreateIncomeRuleBody => ({
  effectiveFrom: form.effectiveFrom,
  deductionKind: form.deductionKind,
  deductionValue: form.deductionKind === 'fixed' ? yuanToFen(form.deductionAmount) : form.deductionAmount,
  exitCeilingPercent: Math.round(form.exitCeilingMultiple * 100),
  gradualMonths: form.gradualMonths,
  stepDown: form.stepDown ?? false,
});

/** Puts the API's complaint about a field beside the input that holds it. */
export const incomeRuleFormField = (apiField: string): string =>
  ({ deductionValue: 'deductionAmount', exitCeilingPercent: 'exitCeilingMultiple' })[apiField] ?? apiField;

/** "¥300.00" (to be shown per person) or "20%". */
export const formatDeduction = (r: Pick<EmploymentIncomeRule, 'deductionKind' | 'deductionValue'>): string =>
  r.deductionKind === 'fixed' ? formatFen(r.deductionValue) : `${r.deductionValue}%`;

/** 150 → "1.5×": percent is an integer, so the quotient prints as the decimal the bureau wrote. */
export const formatCeiling = (percent: number): string => `${percent / 100}×`;
