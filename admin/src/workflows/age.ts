// How long a workflow has been stuck, in the largest whole unit: what the eye compares in a list.

export interface Age {
  unit: 'days' | 'hours' | 'minutes';
  n: number;
}

export function ageOf(iso: string | null | undefined, now = Date.now()): Age | null {
  if (!iso) return null;
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes >= 24 * 60) return { unit: 'days', n: Math.floor(minutes / (24 * 60)) };
  if (minutes >= 60) return { unit: 'hours', n: Math.floor(minutes / 60) };
  return { unit: 'minutes', n: minutes };
}
