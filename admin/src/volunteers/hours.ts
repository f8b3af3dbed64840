// Service time travels as whole minutes; people read and type hours ("2.5").

/** 150 → "2.5", 100 → "1.67", 60 → "1". */
export function minutesAsHours(minutes: number | null | undefined): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return '—';
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The API's confirmed-hours figure (one decimal at most) as typed: 2.5, 100. */
export const hoursText = (hours: number): string => String(Math.round(hours * 10) / 10);

const HOURS = /^\d{1,4}(\.\d{1,2})?$/;

/** "2.5" → 150 minutes; undefined when not a positive number of hours (two decimals at most). */
export function hoursToMinutes(text: string): number | undefined {
  const t = text.trim();
  if (!HOURS.test(t)) return undefined;
  const minutes = Math.round(Number(t) * 60);
  return minutes > 0 ? minutes : undefined;
}

/** How long an activity lasted, in whole minutes rounded up: the most the API lets be logged for it. */
export const activityMinutes = (startsAt: string, endsAt: string): number =>
  Math.max(0, Math.ceil((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000));
