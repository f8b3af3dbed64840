import { z } from 'zod';
import { hoursStatuses } from '../domain/volunteer-stages.js';
import { recordId } from './fields.js';

// An hours entry as GET /api/volunteer-hours gives it, and the answer of a bulk confirmation:
// the API's answers, what it takes, and the console's types.

export const volunteerHoursSchema = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  activityId: z.number(),
  title: z.string(),
  teamId: z.number(),
  teamName: z.string(),
  minutes: z.number(),
  status: z.enum(hoursStatuses),
  loggedAt: z.string(),
  loggedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

/** POST /api/volunteer-hours/confirm: each id's own outcome, HTTP-like. */
export const bulkConfirmResultSchema = z.object({
  results: z.array(z.object({ id: z.number(), status: z.number(), message: z.string().optional() })),
});

/** POST /api/volunteer-hours/confirm: the pending entries to confirm at once. */
export const hoursBulkConfirmBody = z.object({ ids: z.array(recordId()).min(1).max(200) });
/** POST /api/volunteer-hours/:id/confirm takes nothing. */
export const hoursConfirmBody = z.object({});
/** POST /api/volunteer-hours/:id/reject. */
export const hoursRejectBody = z.object({ reason: z.string().trim().min(1, '请填写原因 (reason required)').max(500) });

const id = z.coerce.number().int();

/** What each list filter of GET /api/volunteer-hours accepts. */
export const volunteerHoursFilters = {
  status: z.enum(hoursStatuses),
  teamId: id,
  activityId: id,
  volunteerId: id,
};
