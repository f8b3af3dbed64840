import type { ScheduleStatus } from '../dataProvider';

/** When the Schedule fires, in the console's language, from the API's day and hour. */
export function calendarText(
  s: Pick<ScheduleStatus, 'dayOfMonth' | 'hour'>,
  translate: (key: string, options?: object) => string,
): string {
  return translate('shequ.disbursement.schedule.calendar_text', {
    day: s.dayOfMonth,
    time: `${String(s.hour).padStart(2, '0')}:00`,
  });
}
