import { starThresholdsHours } from '../../../domain/stars';

// Star recognition (星级志愿者) by confirmed service hours. The workflow awards them; the console
// only shows the level and how far the next one is.

export const maxStarLevel = starThresholdsHours.length;

export const starChoices = [0, 1, 2, 3, 4, 5].map((id) => ({
  id,
  name: id === 0 ? 'shequ.stars.none' : '★'.repeat(id),
}));

/** Hours still missing for the next level, or null at the top. */
export function hoursToNextStar(level: number, confirmedHours: number): { level: number; hours: number } | null {
  if (level >= maxStarLevel) return null;
  const next = starThresholdsHours[Math.max(0, level)];
  return { level: level + 1, hours: Math.max(0, Math.round((next - confirmedHours) * 10) / 10) };
}
