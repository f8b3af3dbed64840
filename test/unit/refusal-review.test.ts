import { describe, expect, it } from 'vitest';
import { defaultMatchingRules } from '../../domain/matching.js';
import {
  isWorkingAge,
  REFUSAL_REVIEW_PROPOSAL,
  refusalReviewDetails,
  refusalReviewDue,
  refusalRuns,
  type OfferAnswer,
} from '../../domain/refusal-review.js';

// 社会救助暂行办法 §45: three unjustified refusals in a row make a review due, never a reduction.

const rules = defaultMatchingRules;
const born = '1980-05-20';
let id = 0;
const answer = (o: Partial<OfferAnswer> = {}): OfferAnswer => ({
  eventId: ++id,
  at: '2026-03-01T02:00:00.000Z',
  accepted: false,
  reasonKind: null,
  reason: '不想去',
  referralId: 1,
  openingId: 10 + id,
  title: `岗位${id}`,
  employer: '某公司',
  ...o,
});

describe('refusalRuns', () => {
  it('three refusals without a reason kind, or with `other`, make one run; the fourth starts the next', () => {
    const a = [answer(), answer({ reasonKind: 'other' }), answer(), answer()];
    const runs = refusalRuns(a, born, rules);
    expect(runs).toHaveLength(1);
    expect(runs[0].map((x) => x.eventId)).toEqual([a[0].eventId, a[1].eventId, a[2].eventId]);
    expect(refusalReviewDue(a, born, rules, a[2].eventId)).toEqual(runs[0]);
    expect(refusalReviewDue(a, born, rules, a[3].eventId)).toBeNull();
    expect(refusalRuns([...a, answer(), answer()], born, rules)).toHaveLength(2);
  });

  it('does not count a refusal for health, a care duty or an offer that does not fit her, nor let it break the run', () => {
    for (const reasonKind of ['health', 'care_duty', 'unsuitable_offer']) {
      const a = [answer(), answer({ reasonKind }), answer()];
      expect(refusalRuns(a, born, rules)).toEqual([]);
      const third = answer();
      expect(refusalReviewDue([...a, third], born, rules, third.eventId)?.map((x) => x.eventId)).toEqual([
        a[0].eventId,
        a[2].eventId,
        third.eventId,
      ]);
    }
  });

  it('an accepted offer breaks the run: the refusals must be in a row (连续)', () => {
    const a = [answer(), answer(), answer({ accepted: true }), answer(), answer()];
    expect(refusalRuns(a, born, rules)).toEqual([]);
    expect(refusalRuns([...a, answer()], born, rules)).toHaveLength(1);
  });

  it('counts only refusals made between 16 and 59, by the birthday on the Beijing date of the refusal', () => {
    expect(isWorkingAge('2010-03-02', '2026-03-01T16:30:00.000Z', rules)).toBe(true); // 03-02 in Beijing
    expect(isWorkingAge('2010-03-02', '2026-03-01T15:30:00.000Z', rules)).toBe(false); // still 15
    expect(isWorkingAge('1966-03-01', '2026-02-28T00:00:00.000Z', rules)).toBe(true); // 59
    expect(isWorkingAge('1966-03-01', '2026-03-01T00:00:00.000Z', rules)).toBe(false); // 60
    const young = [answer(), answer(), answer()];
    expect(refusalRuns(young, '2012-01-01', rules)).toEqual([]);
    expect(refusalRuns(young, '1966-03-01', rules)).toEqual([]);
    expect(refusalRuns(young, born, { ...rules, refusalLimit: 2 })).toHaveLength(1);
  });
});

describe('refusalReviewDetails', () => {
  it('lists the refusals with Beijing dates, openings and reasons, and proposes a reduction to be decided', () => {
    const run = [answer({ at: '2026-03-01T17:00:00.000Z', reasonKind: 'other', reason: '工资低' })];
    const d = refusalReviewDetails(7, run);
    expect(d).toMatchObject({
      rule: '社会救助暂行办法第45条',
      memberId: 7,
      proposal: '建议对该成员减发（须复核决定，不自动执行）',
      refusals: [{ date: '2026-03-02', openingId: run[0].openingId, title: run[0].title, reason: '工资低' }],
    });
    expect(REFUSAL_REVIEW_PROPOSAL).toBe(d.proposal);
  });
});
