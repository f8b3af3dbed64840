import { describe, expect, it } from 'vitest';
import { computeAllowance, standardOn, yuan } from '../../domain/allowance.js';
import { allowedBenefitActions, stagesWaitingOn } from '../../domain/benefit-actions.js';
import { defaultBenefitPolicy, parseDayMap } from '../../domain/benefit-policy.js';
import { benefitStages } from '../../domain/benefit-stages.js';
import { firstOfNextMonth, shanghaiDate } from '../../domain/shanghai-date.js';

const standard = { effectiveFrom: '2025-07-01', standardFen: 89000, floorPerPersonFen: 3000 };

describe('allowance formula', () => {
  it('tops the household up to the standard, in whole fen, with no rounding', () => {
    // Three people, 1000.01 in all: per capita 333.33⅓ — the amount is exact: 2670.00 − 1000.01.
    const c = computeAllowance({ standard, incomesFen: [100001, 0, 0] });
    expect(c).toMatchObject({
      members: 3,
      totalIncomeFen: 100001,
      perCapitaIncomeFen: 33333,
      gapFen: 166999,
      amountFen: 166999,
      eligible: true,
    });
    expect(c.amountFen + c.totalIncomeFen).toBe(3 * 89000);
    expect(c.formula).toContain('¥1669.99');
  });

  it('pays at least the floor per person while per-capita income is below the standard', () => {
    const c = computeAllowance({ standard, incomesFen: [88000, 88000] }); // 10.00 short each
    expect(c).toMatchObject({ gapFen: 2000, floorFen: 6000, amountFen: 6000, eligible: true });
  });

  it('is not eligible once per-capita income reaches the standard', () => {
    expect(computeAllowance({ standard, incomesFen: [89000] })).toMatchObject({ eligible: false, amountFen: 0 });
    expect(computeAllowance({ standard, incomesFen: [178000, 0] })).toMatchObject({ eligible: false, amountFen: 0 });
  });

  it('refuses fractions of a fen, negative incomes and empty households', () => {
    expect(() => computeAllowance({ standard, incomesFen: [12.5] })).toThrow();
    expect(() => computeAllowance({ standard, incomesFen: [-1] })).toThrow();
    expect(() => computeAllowance({ standard, incomesFen: [] })).toThrow();
  });

  it('uses the standard in force on the date: a new one applies from its day', () => {
    const standards = [standard, { effectiveFrom: '2026-07-01', standardFen: 92000, floorPerPersonFen: 3000 }];
    expect(standardOn(standards, '2026-06-30')?.standardFen).toBe(89000);
    expect(standardOn(standards, '2026-07-01')?.standardFen).toBe(92000);
    expect(standardOn(standards, '2020-01-01')).toBeUndefined();
  });

  it('prints yuan without floating point', () => {
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(123456789)).toBe('¥1234567.89');
    expect(yuan(-150)).toBe('-¥1.50');
  });
});

describe('Shanghai calendar', () => {
  it('dates instants in UTC+8 and finds the first of next month', () => {
    expect(shanghaiDate(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(firstOfNextMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-12-01');
    expect(firstOfNextMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2027-01-01');
    expect(firstOfNextMonth(new Date('2026-12-15T00:00:00Z'))).toBe('2027-01-01');
  });
});

describe('who may do what', () => {
  it('each review level decides at its own stage only', () => {
    expect(allowedBenefitActions({ stage: 'community_review', blocked: false }, 'caseworker')).toEqual(
      expect.arrayContaining(['approve', 'reject', 'return']),
    );
    expect(allowedBenefitActions({ stage: 'community_review', blocked: false }, 'street_reviewer')).toEqual([]);
    expect(allowedBenefitActions({ stage: 'street_review', blocked: false }, 'street_reviewer')).toEqual([
      'approve',
      'reject',
      'return',
    ]);
    expect(allowedBenefitActions({ stage: 'district_approval', blocked: false }, 'district_approver')).toEqual([
      'approve',
      'reject',
      'return',
    ]);
    for (const stage of benefitStages) expect(allowedBenefitActions({ stage, blocked: true }, 'finance')).toEqual([]);
  });

  it('only a supervisor overrides a duplicate block; only the district suspends or terminates', () => {
    expect(allowedBenefitActions({ stage: 'verifying', blocked: true }, 'supervisor')).toContain('override_duplicate');
    expect(allowedBenefitActions({ stage: 'verifying', blocked: true }, 'caseworker')).not.toContain(
      'override_duplicate',
    );
    expect(allowedBenefitActions({ stage: 'enrolled', blocked: false }, 'caseworker')).not.toContain('terminate');
    expect(allowedBenefitActions({ stage: 'enrolled', blocked: false }, 'district_approver')).toEqual(
      expect.arrayContaining(['suspend', 'terminate']),
    );
    expect(allowedBenefitActions({ stage: 'terminated', blocked: false }, 'district_approver')).toEqual([]);
  });

  it('"my queue" is the stages waiting on my role', () => {
    expect(stagesWaitingOn('street_reviewer')).toEqual(['street_review']);
    expect(stagesWaitingOn('caseworker')).toContain('recheck_due');
  });
});

describe('policy days configuration', () => {
  it('overrides defaults and names a bad pair', () => {
    const d = parseDayMap('community_review=5, returned=20', benefitStages, defaultBenefitPolicy.deadlineDays);
    expect(d).toMatchObject({ community_review: 5, returned: 20, street_review: 10 });
    expect(() => parseDayMap('comunity=5', benefitStages, {})).toThrow(/comunity/);
    expect(() => parseDayMap('returned=-1', benefitStages, {})).toThrow(/positive/);
  });
});
