import type { Assignment } from './types';

/** Over, she was there (not cancelled), and no hours logged for it yet: hours may be logged. */
export const awaitsHours = (a: Assignment, now = Date.now()): boolean =>
  a.status === 'assigned' && a.hoursId === null && Date.parse(a.endsAt) <= now;

/** The assignments hours may be logged for, most recent first. */
export const loggableAssignments = (list: readonly Assignment[] | undefined, now = Date.now()): Assignment[] =>
  (list ?? []).filter((a) => awaitsHours(a, now)).sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt));
