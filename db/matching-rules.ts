import type { Knex } from 'knex';
import { matchingRulesOn, type MatchingRules } from '../domain/matching.js';

export async function loadMatchingRules(db: Knex | Knex.Transaction): Promise<MatchingRules[]> {
  const rows = await db('matching_rules').orderBy('effective_from');
  return rows.map((r) => ({
    effectiveFrom: String(r.effective_from),
    zeroEmploymentPoints: r.zero_employment_points,
    refusalLimit: r.refusal_limit,
    workingAgeMin: r.working_age_min,
    workingAgeMax: r.working_age_max,
  }));
}

/** Like the allowance standard, a gap in the rules waits (retryable) until the bureau fills it. */
export async function matchingRulesInForce(db: Knex | Knex.Transaction, date: string): Promise<MatchingRules> {
  const r = matchingRulesOn(await loadMatchingRules(db), date);
  if (!r) throw new Error(`没有 ${date} 生效的匹配规则`);
  return r;
}
