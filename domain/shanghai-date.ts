// Calendar dates of the bureau are Asia/Shanghai dates (UTC+8, no daylight saving), while
// instants are stored in UTC. These helpers turn one into the other without a timezone database.

const OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of the instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm" of the instant in Asia/Shanghai, for messages people read. */
export function shanghaiDateTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** First day of the month after the instant's Shanghai month: when a change takes effect. */
export function firstOfNextMonth(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1; // 1..12, the current month
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The period (YYYY-MM) a date falls in. */
export const periodOf = (date: string) => date.slice(0, 7);
