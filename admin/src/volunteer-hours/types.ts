import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type {
  bulkConfirmResultSchema,
  hoursBulkConfirmBody,
  hoursRejectBody,
  volunteerHoursSchema,
} from '../../../contract/volunteer-hours';
import { hoursStatuses, type HoursStatus } from '../../../domain/volunteer-stages';

export type { HoursStatus };
export const hoursStatusChoices = hoursStatuses.map((id) => ({ id, name: `shequ.hours_status.${id}` }));

/** A row of GET /api/volunteer-hours: time a volunteer logged for one activity (contract/volunteer-hours.ts). */
export type VolunteerHours = z.output<typeof volunteerHoursSchema> & RaRecord;

/** POST /api/volunteer-hours/confirm: each id's own outcome, HTTP-like. */
export type BulkConfirmResult = z.output<typeof bulkConfirmResultSchema>;

/** The bodies of POST /api/volunteer-hours/confirm and /api/volunteer-hours/:id/reject: the API's own schemas. */
export type HoursBulkConfirmBody = z.input<typeof hoursBulkConfirmBody>;
export type HoursRejectBody = z.input<typeof hoursRejectBody>;

/** The API takes at most this many ids at once. */
export const BULK_MAX = 200;
