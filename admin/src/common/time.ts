import { useLocaleState } from 'react-admin';
import { shanghaiDate } from '../../../domain/shanghai-date';

// Instants arrive in UTC; the bureau reads them in Beijing time whatever the browser's zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatInstant(iso: string | null | undefined, locale = 'zh-CN', withTime = true): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, withTime).format(d);
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

/** A span of time in Beijing time: "2026/03/01 09:00–11:30", the end's date only when it differs. */
export function useFormatSpan(): (startsAt: string, endsAt: string) => string {
  const [locale] = useLocaleState();
  return (startsAt, endsAt) => {
    const start = formatInstant(startsAt, locale);
    const end = formatInstant(endsAt, locale);
    const sameDay = formatInstant(startsAt, locale, false) === formatInstant(endsAt, locale, false);
    return `${start}–${sameDay ? end.replace(formatInstant(endsAt, locale, false), '').replace(/^[,\s]+/, '') : end}`;
  };
}
