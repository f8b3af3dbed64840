import type { SlaWeek } from './types';

// Percentages are worked out from the counts, so the line and the tooltip agree to the digit and
// do not depend on whether the API rounds; a week with nothing completed stays null (a gap).

export const weekPercent = (w: SlaWeek): number | null =>
  w.percent === null || w.completed <= 0 ? null : Math.round((w.onTime * 1000) / w.completed) / 10;

/** All 12 weeks together, null when nothing was completed. */
export function overallPercent(weeks: SlaWeek[]): number | null {
  const completed = weeks.reduce((s, w) => s + w.completed, 0);
  const onTime = weeks.reduce((s, w) => s + w.onTime, 0);
  return completed > 0 ? Math.round((onTime * 1000) / completed) / 10 : null;
}

export const formatPercent = (p: number | null): string => (p === null ? '—' : `${p.toFixed(1)}%`);
