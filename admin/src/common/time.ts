import { useLocaleState } from 'react-admin';
import { shanghaiDate } from '../../../domain/shanghai-date';

// Instants arrive in UTC; the bureau reads them in Beijing time whatever the browser's zone.

const OFFSET_MS = 8 * 3600_000; // Beijing time has no daylight saving

/**
 * One format on every page, whatever the language: "2026-12-02 10:35" (Beijing time), dates
 * "2026-12-02". `locale` is kept for callers; both languages read the same digits.
 */
export function formatInstant(iso: string | null | undefined, _locale = 'zh-CN', withTime = true): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = new Date(d.getTime() + OFFSET_MS).toISOString();
  return withTime ? `${local.slice(0, 10)} ${local.slice(11, 16)}` : local.slice(0, 10);
}

/** Formats with the console's current language. */
export function useFormatInstant(): (iso: string | null | undefined, withTime?: boolean) => string {
  const [locale] = useLocaleState();
  return (iso, withTime = true) => formatInstant(iso, locale, withTime);
}

/** Today's calendar date in Asia/Shanghai (YYYY-MM-DD). */
export const shanghaiToday = (): string => shanghaiDate(new Date());

// A datetime-local input holds no zone; the bureau types Beijing time (UTC+8, no daylight saving).
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** "2026-03-01T09:30" typed in Beijing time → ISO instant; undefined when incomplete. */
export function shanghaiLocalToIso(local: string): string | undefined {
  if (!LOCAL.test(local)) return undefined;
  const d = new Date(`${local}:00+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** An instant → "YYYY-MM-DDTHH:mm" in Beijing time, for a datetime-local input. */
export const shanghaiLocal = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

/** A span of time in Beijing time: "2026-03-01 09:00–11:30", the end's date only when it differs. */
export function useFormatSpan(): (startsAt: string, endsAt: string) => string {
  const [locale] = useLocaleState();
  return (startsAt, endsAt) => {
    const start = formatInstant(startsAt, locale);
    const end = formatInstant(endsAt, locale);
    const sameDay = formatInstant(startsAt, locale, false) === formatInstant(endsAt, locale, false);
    return `${start}–${sameDay ? end.replace(formatInstant(endsAt, locale, false), '').replace(/^[,\s]+/, '') : end}`;
  };
}
