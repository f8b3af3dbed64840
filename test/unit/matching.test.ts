import { describe, expect, it } from 'vitest';
import {
  defaultMatchingRules,
  exclusion,
  matchingRulesOn,
  rankOpenings,
  scoreOpening,
  zeroEmploymentReason,
  type OpeningProfile,
  type SeekerProfile,
} from '../../domain/matching.js';

const seeker: SeekerProfile = {
  skills: ['电工', '焊工', 'Forklift'],
  streetOrder: 2,
  expectedWageFen: 400000,
  maxHoursPerWeek: 44,
  noPhysicalWork: false,
};
const opening = (o: Partial<OpeningProfile> & { id: number }): OpeningProfile => ({
  requiredSkills: [],
  preferredSkills: [],
  streetOrder: 2,
  wageMinFen: 350000,
  wageMaxFen: 450000,
  hoursPerWeek: 40,
  physical: false,
  placesLeft: 3,
  open: true,
  ...o,
});

describe('scoreOpening', () => {
  it('gives full points for all required skills, same street and a wage that meets the expectation', () => {
    const m = scoreOpening(seeker, opening({ id: 1, requiredSkills: ['电工', '焊工'] }));
    expect(m.score).toBe(90);
    expect(m.reasons.map((r) => [r.factor, r.points])).toEqual([
      ['skills', 50],
      ['distance', 20],
      ['wage', 20],
    ]);
    expect(m.reasons[0].text).toContain('2/2');
  });

  it('counts required skills by share, case-insensitively, and preferred skills as a bonus', () => {
    const m = scoreOpening(
      seeker,
      opening({ id: 1, requiredSkills: ['电工', '厨师', 'forklift'], preferredSkills: ['焊工', '驾驶'] }),
    );
    expect(m.reasons.find((r) => r.factor === 'skills')!.points).toBe(33); // 2 of 3 → 33.3
    expect(m.reasons.find((r) => r.factor === 'preferred')!.points).toBe(5);
  });

  it('loses 5 points per street of distance, down to nothing', () => {
    expect(
      scoreOpening(seeker, opening({ id: 1, streetOrder: 3 })).reasons.find((r) => r.factor === 'distance')!.points,
    ).toBe(15);
    expect(
      scoreOpening(seeker, opening({ id: 1, streetOrder: 9 })).reasons.find((r) => r.factor === 'distance')!.points,
    ).toBe(0);
  });

  it('scales the wage points down as the best wage falls below what the seeker asks, to zero at a quarter below', () => {
    const pts = (max: number) =>
      scoreOpening(seeker, opening({ id: 1, wageMinFen: 100000, wageMaxFen: max })).reasons.find(
        (r) => r.factor === 'wage',
      )!.points;
    expect(pts(400000)).toBe(20);
    expect(pts(350000)).toBe(10); // 12.5 % short
    expect(pts(300000)).toBe(0);
    expect(pts(200000)).toBe(0);
    expect(
      scoreOpening({ ...seeker, expectedWageFen: null }, opening({ id: 1, wageMaxFen: 1 })).reasons.find(
        (r) => r.factor === 'wage',
      )!.points,
    ).toBe(20);
  });
});

describe('exclusion', () => {
  it('rules out closed and full openings, ones proposed before, too many hours and physical work', () => {
    expect(exclusion(seeker, opening({ id: 1 }))).toBeNull();
    expect(exclusion(seeker, opening({ id: 1, open: false }))).toMatch(/closed/);
    expect(exclusion(seeker, opening({ id: 1, placesLeft: 0 }))).toMatch(/no places/);
    expect(exclusion(seeker, opening({ id: 7 }), [7])).toMatch(/proposed before/);
    expect(exclusion(seeker, opening({ id: 1, hoursPerWeek: 48 }))).toMatch(/hours/);
    expect(exclusion({ ...seeker, noPhysicalWork: true }, opening({ id: 1, physical: true }))).toMatch(/physical/);
    expect(exclusion({ ...seeker, maxHoursPerWeek: null }, opening({ id: 1, hoursPerWeek: 60 }))).toBeNull();
  });
});

describe('rankOpenings', () => {
  it('keeps the best ten offerable openings, best first, ties to more places then the older opening', () => {
    const openings = Array.from({ length: 14 }, (_, i) => opening({ id: i + 1, streetOrder: 2 + (i % 4) }));
    openings.push(
      opening({ id: 100, placesLeft: 0 }),
      opening({ id: 101, requiredSkills: ['电工'], placesLeft: 9 }),
      opening({ id: 102, requiredSkills: ['电工'], placesLeft: 9 }),
    );
    const ranked = rankOpenings(seeker, openings, [1]);
    expect(ranked).toHaveLength(10);
    expect(ranked.map((m) => m.openingId).slice(0, 5)).toEqual([101, 102, 5, 9, 13]);
    expect(ranked.map((m) => m.openingId)).not.toContain(100);
    expect(ranked.map((m) => m.openingId)).not.toContain(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
  });
});

describe('zero-employment priority (社会救助暂行办法 §43)', () => {
  const rules = { zeroEmploymentPoints: 15 };

  it('adds its points, with its reason, when no other member of her dibao household works', () => {
    const o = opening({ id: 1, requiredSkills: ['电工', '焊工'] });
    const plain = scoreOpening(seeker, o, rules);
    const boosted = scoreOpening({ ...seeker, dibaoHousehold: { employedMembers: 0 } }, o, rules);
    expect(boosted.score).toBe(plain.score + 15);
    expect(boosted.reasons.at(-1)).toEqual({
      factor: 'zero_employment',
      points: 15,
      text: '零就业低保家庭优先（社会救助暂行办法第43条）',
    });
    expect(plain.reasons.map((r) => r.factor)).not.toContain('zero_employment');
  });

  it('gives nothing to a household where someone works, to no household, or when the bureau sets 0 points', () => {
    expect(zeroEmploymentReason({ employedMembers: 1 }, rules)).toBeNull();
    expect(zeroEmploymentReason(null, rules)).toBeNull();
    expect(zeroEmploymentReason(undefined, rules)).toBeNull();
    expect(zeroEmploymentReason({ employedMembers: 0 }, { zeroEmploymentPoints: 0 })).toBeNull();
    expect(zeroEmploymentReason({ employedMembers: 0 }, { zeroEmploymentPoints: 8 })?.points).toBe(8);
    expect(defaultMatchingRules.zeroEmploymentPoints).toBe(15);
  });

  it('lifts every opening of her ranking by the same points (the order among her openings stays)', () => {
    const openings = [1, 2, 3].map((id) => opening({ id, streetOrder: 1 + id }));
    const plain = rankOpenings(seeker, openings, [], 10, rules);
    const boosted = rankOpenings({ ...seeker, dibaoHousehold: { employedMembers: 0 } }, openings, [], 10, rules);
    expect(boosted.map((m) => m.openingId)).toEqual(plain.map((m) => m.openingId));
    expect(boosted.map((m) => m.score)).toEqual(plain.map((m) => m.score + 15));
  });

  it('takes the rules in force on the day', () => {
    const rows = [
      { ...defaultMatchingRules, effectiveFrom: '2000-01-01' },
      { ...defaultMatchingRules, effectiveFrom: '2026-07-01', zeroEmploymentPoints: 20 },
    ];
    expect(matchingRulesOn(rows, '2026-06-30')?.zeroEmploymentPoints).toBe(15);
    expect(matchingRulesOn(rows, '2026-07-01')?.zeroEmploymentPoints).toBe(20);
    expect(matchingRulesOn(rows, '1999-12-31')).toBeUndefined();
  });
});
