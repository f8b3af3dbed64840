import { describe, expect, it } from 'vitest';
import {
  defaultEmploymentIncomeRules,
  employmentDeduction,
  gradualSchedule,
  proposeIncomeOutcome,
  rulesOn,
} from '../../domain/employment-income.js';

const standard = { effectiveFrom: '2026-01-01', standardFen: 80_000, floorPerPersonFen: 5_000 };
const rules = defaultEmploymentIncomeRules; // ¥300 deduction, 1.5× ceiling, 6 months, no step-down
const base = { standard, rules, wageFen: 260_000, currentAmountFen: 160_000, firstPeriod: '2026-11' };

describe('employment income', () => {
  it('deducts a fixed amount or a share, never more than the wage', () => {
    expect(employmentDeduction(260_000, rules)).toBe(30_000);
    expect(employmentDeduction(20_000, rules)).toBe(20_000);
    expect(employmentDeduction(260_001, { ...rules, deduction: { kind: 'share', percent: 20 } })).toBe(52_000);
  });

  it('adjusts the amount while per-capita counted income stays at or below the standard', () => {
    const p = proposeIncomeOutcome({ ...base, otherIncomesFen: [0, 0] });
    expect(p.outcome).toBe('adjust');
    expect(p.countedFen).toBe(230_000);
    // gap 3 × 800 − 2,300 = ¥100 is below the floor 3 × ¥50 = ¥150
    expect(p.calculation.amountFen).toBe(15_000);
    expect(p.schedule).toEqual([]);
  });

  it('enters 渐退 between the standard and the ceiling, with the schedule from next month', () => {
    const p = proposeIncomeOutcome({ ...base, otherIncomesFen: [0] });
    expect(p.outcome).toBe('gradual_exit');
    expect(p.ceilingFen).toBe(120_000);
    expect(p.schedule).toHaveLength(6);
    expect(p.schedule[0]).toEqual({ period: '2026-11', amountFen: 160_000 });
    expect(p.schedule[5]).toEqual({ period: '2027-04', amountFen: 160_000 });
  });

  it('terminates above the ceiling', () => {
    const p = proposeIncomeOutcome({ ...base, otherIncomesFen: [] });
    expect(p.outcome).toBe('terminate');
    expect(p.explanation).toContain('超过渐退上限');
  });

  it('counts the ceiling exactly, in totals', () => {
    // two members, ceiling total 2 × 800 × 1.5 = ¥2,400: counted ¥2,400 is still 渐退, ¥2,400.01 is not
    const at = proposeIncomeOutcome({ ...base, wageFen: 270_000, otherIncomesFen: [0] });
    expect(at.outcome).toBe('gradual_exit');
    const above = proposeIncomeOutcome({ ...base, wageFen: 270_001, otherIncomesFen: [0] });
    expect(above.outcome).toBe('terminate');
  });

  it('steps down month by month when the bureau sets it', () => {
    const s = gradualSchedule(100_001, '2026-12', { gradualMonths: 3, stepDown: true });
    expect(s).toEqual([
      { period: '2026-12', amountFen: 100_001 },
      { period: '2027-01', amountFen: 66_667 },
      { period: '2027-02', amountFen: 33_333 },
    ]);
  });

  it('a job left brings the income back to the others only', () => {
    const p = proposeIncomeOutcome({ ...base, wageFen: 0, otherIncomesFen: [0] });
    expect(p.outcome).toBe('adjust');
    expect(p.calculation.amountFen).toBe(160_000);
  });

  it('takes the rules in force on a date', () => {
    const later = { ...rules, effectiveFrom: '2026-07-01', gradualMonths: 3 };
    expect(rulesOn([rules, later], '2026-06-30')?.gradualMonths).toBe(6);
    expect(rulesOn([rules, later], '2026-07-01')?.gradualMonths).toBe(3);
    expect(rulesOn([later], '2026-01-01')).toBeUndefined();
  });
});
