import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstOfNextMonth, shanghaiDate } from '../../domain/shanghai-date.js';
import { enrolledHousehold, incomeReview, place } from '../support/employment.js';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';

// The employment-income rules are data the bureau sets, like the allowance standards: a rule
// added through the API from next month's first day is what the next income review proposes
// on, and one from a later month is not yet. The household and the placement are real (a
// dibao case approved by the three levels, a referral placed through its workflow:
// test/support/employment.ts).
//
// Household: head ¥500 a month, spouse none; enrolled at 2 × 890 − 500 = ¥1,280. The spouse is
// placed at ¥2,000. Under the rule added for next month (20% of the wage) the deduction is
// ¥400, counted ¥1,600, total ¥2,100: above the standard (¥1,780), within 1.5× (¥2,670) → 渐退.
// The seeded default (¥300 fixed) would give ¥300; the rule of the month after (50%) ¥1,000.

const nextMonthAfter = (date: string) => firstOfNextMonth(new Date(`${date}T12:00:00+08:00`));

describe('employment-income rules', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient, admin: ApiClient;
  const from = firstOfNextMonth(new Date());
  const later = nextMonthAfter(from);

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_NOTICE_DAYS: '1',
        SHEQU_RECHECK_DAYS: 'A=100000,B=100000,C=100000',
        SHEQU_DEADLINE_DAYS: 'community_review=1000,street_review=1000,district_approval=1000,income_review=1000',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '1000,2000,3000',
      },
    });
    [caseworker, reviewer, approver, admin] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1', 'admin1'].map((u) => login(stack, u)),
    );
  });
  afterAll(() => stack?.stop());

  const rule = (o: Record<string, unknown> = {}) => ({
    effectiveFrom: from,
    deductionKind: 'share',
    deductionValue: 20,
    exitCeilingPercent: 150,
    gradualMonths: 6,
    stepDown: false,
    ...o,
  });
  const add = (client: ApiClient, body: Record<string, unknown>) =>
    client.call('POST', '/api/employment-income-rules', body);

  it('the district adds a rule from a future date, once per date, audited; values are checked per field', async () => {
    const list = await caseworker.call('GET', '/api/employment-income-rules');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        effectiveFrom: '2000-01-01',
        deductionKind: 'fixed',
        deductionValue: 30_000,
        exitCeilingPercent: 150,
        gradualMonths: 6,
        stepDown: false,
      }),
    ]);

    expect((await add(caseworker, rule())).status).toBe(403);
    expect((await add(reviewer, rule())).status).toBe(403);

    for (const [body, field] of [
      [rule({ deductionValue: 101 }), 'deductionValue'],
      [rule({ deductionKind: 'fixed', deductionValue: 1_000_001 }), 'deductionValue'],
      [rule({ deductionValue: -1 }), 'deductionValue'],
      [rule({ deductionValue: 12.5 }), 'deductionValue'],
      [rule({ deductionKind: 'percent' }), 'deductionKind'],
      [rule({ exitCeilingPercent: 99 }), 'exitCeilingPercent'],
      [rule({ gradualMonths: 0 }), 'gradualMonths'],
      [rule({ gradualMonths: 25 }), 'gradualMonths'],
      [rule({ effectiveFrom: '2030-02-30' }), 'effectiveFrom'],
    ] as const) {
      const res = await add(approver, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(body)).toEqual([field]);
    }
    // Reviews already opened were proposed on the rules of their day.
    expect((await add(approver, rule({ effectiveFrom: shanghaiDate(new Date()) }))).status).toBe(409);
    expect((await add(approver, rule({ effectiveFrom: '2020-01-01' }))).status).toBe(409);
    expect(await stack.db('employment_income_rules').count()).toEqual([{ count: '1' }]);

    const created = await add(approver, rule());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      effectiveFrom: from,
      deductionKind: 'share',
      deductionValue: 20,
      exitCeilingPercent: 150,
      gradualMonths: 6,
      stepDown: false,
    });
    const again = await add(admin, rule({ deductionValue: 25 }));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(from);

    const audit = await stack
      .db('audit_events')
      .where({ action: 'employment_income_rule.create', entity_id: String(created.body.id) })
      .first();
    expect(audit).toMatchObject({ actor_username: 'approver1', entity_type: 'employment_income_rule' });
    expect(audit.after).toMatchObject({ effectiveFrom: from, deductionKind: 'share', deductionValue: 20 });

    // The month after: the admin may set rules too (50%, stepping down).
    expect((await add(admin, rule({ effectiveFrom: later, deductionValue: 50, stepDown: true }))).status).toBe(201);
    const dates = (await reviewer.call('GET', '/api/employment-income-rules')).body.map(
      (r: { effectiveFrom: string }) => r.effectiveFrom,
    );
    expect(dates).toEqual([later, from, '2000-01-01']);
  });

  it('the next income review proposes on the rule in force from the day its outcome takes effect', async () => {
    const h = await enrolledHousehold({ caseworker, reviewer, approver });
    await place(stack, caseworker, h.spouseId, 200_000);
    const review = await incomeReview(caseworker, h.applicationId);
    expect(review.incomeReview.proposal).toMatchObject({
      outcome: 'gradual_exit',
      wageFen: 200_000,
      deductionFen: 40_000,
      countedFen: 160_000,
      ceilingFen: 133_500,
    });
    expect(review.incomeReview.proposal.schedule[0].period).toBe(from.slice(0, 7));
    expect(review.incomeReview.proposal.explanation).toContain('¥400.00');
  });
});
