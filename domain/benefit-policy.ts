import type { BenefitStage, HouseholdCategory } from './benefit-stages.js';

// Deadlines, the public notice and re-check intervals in policy days. The bureau sets them;
// each case carries the policy it was started with, so a running case never changes its
// rules half-way through a stage.

export interface BenefitPolicy {
  daySeconds: number;
  noticeDays: number;
  /** Deadline per waiting stage, in policy days. */
  deadlineDays: Partial<Record<BenefitStage, number>>;
  /** Re-check interval per household category, in policy days. */
  recheckDays: Record<HouseholdCategory, number>;
  /** Continue-as-new once history grows past this many events (Temporal also suggests it). */
  historyLimit: number;
}

export const defaultBenefitPolicy: BenefitPolicy = {
  daySeconds: 86400,
  noticeDays: 7,
  deadlineDays: {
    verifying: 10,
    community_review: 10,
    street_review: 10,
    district_approval: 10,
    returned: 15,
    recheck_due: 15,
    income_review: 10,
  },
  recheckDays: { A: 365, B: 182, C: 91 },
  historyLimit: 10_000,
};

/**
 * Parses `stage=days` pairs ("community_review=10,returned=15") over the defaults.
 * Throws naming the bad pair, so a typo fails start-up rather than a deadline.
 */
export function parseDayMap<K extends string>(
  text: string,
  allowed: readonly K[],
  base: Partial<Record<K, number>>,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = { ...base };
  for (const pair of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key, value] = pair.split('=').map((s) => s.trim());
    const days = Number(value);
    if (!(allowed as readonly string[]).includes(key))
      throw new Error(`unknown key "${key}" (allowed: ${allowed.join(', ')})`);
    if (!(days > 0) || !Number.isFinite(days)) throw new Error(`"${pair}": days must be a positive number`);
    out[key as K] = days;
  }
  return out;
}
