// Star levels (星级志愿者) from confirmed service hours: ★ 100 h, ★★ 300, ★★★ 600, ★★★★ 1000,
// ★★★★★ 1500. Hours are kept in minutes so no fraction of an hour is ever rounded.

export const starThresholdsHours = [100, 300, 600, 1000, 1500] as const;

export function starLevel(confirmedMinutes: number): number {
  return starThresholdsHours.filter((h) => confirmedMinutes >= h * 60).length;
}

/** The levels reached by going from `before` to `after` confirmed minutes, lowest first. */
export function levelsReached(beforeMinutes: number, afterMinutes: number): number[] {
  const from = starLevel(beforeMinutes);
  const to = starLevel(afterMinutes);
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i + 1);
}

export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;
