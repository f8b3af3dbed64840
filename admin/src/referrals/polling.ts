import type { Referral } from './types';

// The workflow moves a referral on by itself (intake after referral, a ranking after each step
// that returns it to matching): look again every 2 s until what it owes has arrived, so the
// matches and buttons appear without a reload.

/** The ranking has run since the referral (re-)entered matching. */
export const ranked = (r: Referral) => !!r.matchedAt && Date.parse(r.matchedAt) >= Date.parse(r.stageSince);

export function referralRefetchInterval(r: Referral | undefined, now = Date.now()): number | false {
  if (!r) return false;
  if (r.stage === 'referred') return 2000;
  if (r.stage !== 'matching') return false;
  if (!ranked(r)) return 2000;
  // Ranked but nothing fits: new openings trigger a new ranking, so keep an eye on it.
  if (!r.matches?.length) return now - Date.parse(r.stageSince) < 120_000 ? 2000 : 30_000;
  return false;
}
