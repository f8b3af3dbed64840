import { computeAllowance, yuan, type AllowanceCalculation, type AllowanceStandard } from './allowance.js';

// A wage earned through a placement, as the dibao case counts it (社会救助暂行办法 §13, local
// 渐退 practice in ../shared/RULES.md). Every figure is a setting with an effective date, read
// like the allowance standards; nothing here stops a payment on its own — it proposes, and a
// caseworker (or the district, to terminate) decides with a reason.

export interface EmploymentIncomeRules {
  effectiveFrom: string; // YYYY-MM-DD
  /** 就业成本扣减 per working member: a fixed amount, or a share of the wage. */
  deduction: { kind: 'fixed'; fen: number } | { kind: 'share'; percent: number };
  /** Per-capita income up to this share of the standard enters 渐退期 instead of ending. */
  exitCeilingPercent: number;
  /** Months payments continue in 渐退期. */
  gradualMonths: number;
  /** Whether 渐退 payments step down month by month instead of staying at the last amount. */
  stepDown: boolean;
}

export const defaultEmploymentIncomeRules: EmploymentIncomeRules = {
  effectiveFrom: '2000-01-01',
  deduction: { kind: 'fixed', fen: 30_000 },
  exitCeilingPercent: 150,
  gradualMonths: 6,
  stepDown: false,
};

export const incomeEventKinds = ['placed', 'retained', 'wage_changed', 'left'] as const;
export type IncomeEventKind = (typeof incomeEventKinds)[number];

/** What a placement or a follow-up tells the household's dibao case. */
export interface IncomeEvent {
  /** Unique per placement event ("placement-12", "follow-up-40"): applied once however often sent. */
  eventId: string;
  kind: IncomeEventKind;
  /** The household member who works (household_members.id). */
  memberId: number;
  /** Monthly wage in fen; 0 when the job was left. */
  wageFen: number;
  placementId: number;
  referralId: number;
  occurredAt: string;
}

export const incomeOutcomes = ['adjust', 'gradual_exit', 'terminate'] as const;
export type IncomeOutcome = (typeof incomeOutcomes)[number];

export interface GradualMonth {
  period: string; // YYYY-MM
  amountFen: number;
}

export interface IncomeProposal {
  outcome: IncomeOutcome;
  wageFen: number;
  deductionFen: number;
  countedFen: number;
  calculation: AllowanceCalculation;
  /** Per-capita income at which 渐退 ends and the case terminates. */
  ceilingFen: number;
  /** The 渐退 months with their amounts (only for gradual_exit). */
  schedule: GradualMonth[];
  explanation: string;
}

export function rulesOn<T extends EmploymentIncomeRules>(rules: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const r of rules) if (r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** 就业成本扣减 for one working member, never more than the wage. */
export function employmentDeduction(wageFen: number, rules: EmploymentIncomeRules): number {
  const d =
    rules.deduction.kind === 'fixed' ? rules.deduction.fen : Math.floor((wageFen * rules.deduction.percent) / 100);
  return Math.min(wageFen, Math.max(0, d));
}

/** The period (YYYY-MM) `months` after `period`. */
export const periodAfter = (period: string, months = 1): string => nextPeriods(period, months + 1)[months];

function nextPeriods(firstPeriod: string, n: number): string[] {
  const [y, m] = firstPeriod.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The 渐退 months from `firstPeriod`: the current amount throughout, or, stepping down, month i of
 * N pays (N − i) / N of it, rounded down to the fen (the first month pays it in full).
 */
export function gradualSchedule(
  currentAmountFen: number,
  firstPeriod: string,
  rules: Pick<EmploymentIncomeRules, 'gradualMonths' | 'stepDown'>,
): GradualMonth[] {
  const n = rules.gradualMonths;
  return nextPeriods(firstPeriod, n).map((period, i) => ({
    period,
    amountFen: rules.stepDown ? Math.floor((currentAmountFen * (n - i)) / n) : currentAmountFen,
  }));
}

export interface ProposalInput {
  standard: AllowanceStandard;
  rules: EmploymentIncomeRules;
  /** The other members' counted monthly incomes, in fen. */
  otherIncomesFen: readonly number[];
  /** The working member's wage (0 when she left the job). */
  wageFen: number;
  currentAmountFen: number;
  /** First period the outcome takes effect (next month), YYYY-MM. */
  firstPeriod: string;
}

/**
 * Counted income = wage − deduction; per-capita income at or below the standard adjusts the
 * amount, above it but within the ceiling 渐退, above the ceiling terminate.
 */
export function proposeIncomeOutcome(p: ProposalInput): IncomeProposal {
  const deductionFen = employmentDeduction(p.wageFen, p.rules);
  const countedFen = p.wageFen - deductionFen;
  const incomesFen = [...p.otherIncomesFen, countedFen];
  const calculation = computeAllowance({ standard: p.standard, incomesFen });
  const members = incomesFen.length;
  const total = calculation.totalIncomeFen;
  // Compared in totals (per-capita × members) so no fraction of a fen is ever rounded.
  const ceilingTotal = Math.floor((p.standard.standardFen * members * p.rules.exitCeilingPercent) / 100);
  const ceilingFen = Math.floor((p.standard.standardFen * p.rules.exitCeilingPercent) / 100);
  const counted = `计入收入 ${yuan(p.wageFen)} − 就业成本扣减 ${yuan(deductionFen)} = ${yuan(countedFen)}`;
  if (calculation.eligible)
    return {
      outcome: 'adjust',
      wageFen: p.wageFen,
      deductionFen,
      countedFen,
      calculation,
      ceilingFen,
      schedule: [],
      explanation: `${counted}；${calculation.formula}`,
    };
  if (total <= ceilingTotal) {
    const schedule = gradualSchedule(p.currentAmountFen, p.firstPeriod, p.rules);
    return {
      outcome: 'gradual_exit',
      wageFen: p.wageFen,
      deductionFen,
      countedFen,
      calculation,
      ceilingFen,
      schedule,
      explanation: `${counted}；人均 ${yuan(calculation.perCapitaIncomeFen)} 高于标准 ${yuan(p.standard.standardFen)}、不超过 ${yuan(ceilingFen)}：渐退 ${schedule.length} 个月`,
    };
  }
  return {
    outcome: 'terminate',
    wageFen: p.wageFen,
    deductionFen,
    countedFen,
    calculation,
    ceilingFen,
    schedule: [],
    explanation: `${counted}；人均 ${yuan(calculation.perCapitaIncomeFen)} 超过渐退上限 ${yuan(ceilingFen)}：下月起终止`,
  };
}
