// Ranking open job openings for a seeker. Hard constraints exclude an opening outright (no
// places, closed, more hours than the seeker can work, physical work the seeker cannot do, or
// already declined / not hired there); the rest get a score out of 100 with the reasons behind
// every point, so a caseworker can explain a proposal to the seeker. A seeker from a dibao
// household in which nobody works gets priority points on top (社会救助暂行办法 §43), shown
// like any other reason.

export interface SeekerProfile {
  skills: readonly string[];
  /** Position of the seeker's street in the district's street order (distance is counted in streets). */
  streetOrder: number;
  expectedWageFen: number | null;
  maxHoursPerWeek: number | null;
  noPhysicalWork: boolean;
  /** The seeker's dibao household, when she belongs to one (matched by ID-number hash). */
  dibaoHousehold?: DibaoHousehold | null;
}

export interface DibaoHousehold {
  /** Other members with an active or retained placement. */
  employedMembers: number;
}

/**
 * The bureau's matching settings, effective-dated like the allowance standard: the §43 priority
 * and what makes refusals of offers a §45 review (domain/refusal-review.ts).
 */
export interface MatchingRules {
  effectiveFrom: string; // YYYY-MM-DD
  /** Points a seeker of a zero-employment dibao household gets on every opening. */
  zeroEmploymentPoints: number;
  /** Unjustified refusals in a row that raise a review (§45: 连续3次). */
  refusalLimit: number;
  /** Ages (inclusive, at the refusal) at which refusals count. */
  workingAgeMin: number;
  workingAgeMax: number;
}

export const defaultMatchingRules: MatchingRules = {
  effectiveFrom: '2000-01-01',
  zeroEmploymentPoints: 15,
  refusalLimit: 3,
  workingAgeMin: 16,
  workingAgeMax: 59,
};

export function matchingRulesOn<T extends MatchingRules>(rules: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const r of rules) if (r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

export interface OpeningProfile {
  id: number;
  requiredSkills: readonly string[];
  preferredSkills: readonly string[];
  streetOrder: number;
  wageMinFen: number;
  wageMaxFen: number;
  hoursPerWeek: number;
  physical: boolean;
  placesLeft: number;
  open: boolean;
}

export type MatchFactor = 'skills' | 'preferred' | 'distance' | 'wage' | 'zero_employment';

export interface MatchReason {
  factor: MatchFactor;
  points: number;
  text: string;
}

export interface Match {
  openingId: number;
  score: number;
  reasons: MatchReason[];
}

export const MATCH_LIMIT = 10;
export const maxPoints: Record<Exclude<MatchFactor, 'zero_employment'>, number> = {
  skills: 50,
  preferred: 10,
  distance: 20,
  wage: 20,
};

export const ZERO_EMPLOYMENT_TEXT = '零就业低保家庭优先（社会救助暂行办法第43条）';

/** §43: a dibao household none of whose other members works is helped into work first. */
export function zeroEmploymentReason(
  household: DibaoHousehold | null | undefined,
  rules: Pick<MatchingRules, 'zeroEmploymentPoints'>,
): MatchReason | null {
  if (!household || household.employedMembers > 0 || rules.zeroEmploymentPoints <= 0) return null;
  return { factor: 'zero_employment', points: rules.zeroEmploymentPoints, text: ZERO_EMPLOYMENT_TEXT };
}

const norm = (s: string) => s.trim().toLowerCase();
const yuan = (fen: number) => `¥${(fen / 100).toFixed(0)}`;

/** Why an opening cannot be offered at all, or null when it can. */
export function exclusion(seeker: SeekerProfile, o: OpeningProfile, excluded: readonly number[] = []): string | null {
  if (!o.open) return '岗位已关闭 (opening closed)';
  if (o.placesLeft <= 0) return '岗位已满 (no places left)';
  if (excluded.includes(o.id)) return '已推荐过该岗位 (proposed before)';
  if (seeker.maxHoursPerWeek !== null && o.hoursPerWeek > seeker.maxHoursPerWeek)
    return `工时${o.hoursPerWeek}小时/周超过可工作时间 (more hours than the seeker can work)`;
  if (seeker.noPhysicalWork && o.physical) return '体力劳动不适合 (physical work ruled out)';
  return null;
}

export function scoreOpening(
  seeker: SeekerProfile,
  o: OpeningProfile,
  rules: Pick<MatchingRules, 'zeroEmploymentPoints'> = defaultMatchingRules,
): Match {
  const have = new Set(seeker.skills.map(norm));
  const covered = (list: readonly string[]) => list.filter((s) => have.has(norm(s)));
  const reasons: MatchReason[] = [];

  const req = covered(o.requiredSkills);
  const skills =
    o.requiredSkills.length === 0
      ? maxPoints.skills
      : Math.round((maxPoints.skills * req.length) / o.requiredSkills.length);
  reasons.push({
    factor: 'skills',
    points: skills,
    text:
      o.requiredSkills.length === 0
        ? '无必备技能要求 (no required skills)'
        : `必备技能 ${req.length}/${o.requiredSkills.length}${req.length ? `：${req.join('、')}` : ''} (required skills ${req.length} of ${o.requiredSkills.length})`,
  });

  const pref = covered(o.preferredSkills);
  if (o.preferredSkills.length) {
    reasons.push({
      factor: 'preferred',
      points: Math.round((maxPoints.preferred * pref.length) / o.preferredSkills.length),
      text: `优先技能 ${pref.length}/${o.preferredSkills.length} (preferred skills ${pref.length} of ${o.preferredSkills.length})`,
    });
  }

  const streets = Math.abs(seeker.streetOrder - o.streetOrder);
  reasons.push({
    factor: 'distance',
    points: Math.max(0, maxPoints.distance - 5 * streets),
    text:
      streets === 0
        ? '同一街道 (same street)'
        : `相距${streets}个街道 (${streets} street${streets > 1 ? 's' : ''} away)`,
  });

  let wage: number = maxPoints.wage;
  let wageText = `月薪${yuan(o.wageMinFen)}–${yuan(o.wageMaxFen)} (wage range)`;
  if (seeker.expectedWageFen !== null && seeker.expectedWageFen > o.wageMaxFen) {
    // Falls to nothing once the best wage is a quarter below what the seeker asks.
    const shortfall = (seeker.expectedWageFen - o.wageMaxFen) / seeker.expectedWageFen;
    wage = Math.max(0, Math.round(maxPoints.wage * (1 - shortfall / 0.25)));
    wageText = `最高月薪${yuan(o.wageMaxFen)}低于期望${yuan(seeker.expectedWageFen)} (below expected wage)`;
  } else if (seeker.expectedWageFen !== null)
    wageText = `月薪${yuan(o.wageMinFen)}–${yuan(o.wageMaxFen)}满足期望${yuan(seeker.expectedWageFen)} (meets expected wage)`;
  reasons.push({ factor: 'wage', points: wage, text: wageText });

  const priority = zeroEmploymentReason(seeker.dibaoHousehold, rules);
  if (priority) reasons.push(priority);

  return { openingId: o.id, score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/** The best `limit` openings that can be offered, best first; ties go to more places, then the older opening. */
export function rankOpenings(
  seeker: SeekerProfile,
  openings: readonly OpeningProfile[],
  excluded: readonly number[] = [],
  limit = MATCH_LIMIT,
  rules: Pick<MatchingRules, 'zeroEmploymentPoints'> = defaultMatchingRules,
): Match[] {
  const places = new Map(openings.map((o) => [o.id, o.placesLeft]));
  return openings
    .filter((o) => exclusion(seeker, o, excluded) === null)
    .map((o) => scoreOpening(seeker, o, rules))
    .sort(
      (a, b) => b.score - a.score || places.get(b.openingId)! - places.get(a.openingId)! || a.openingId - b.openingId,
    )
    .slice(0, limit);
}
