import { z } from 'zod';
import { hoursStatuses } from '../domain/volunteer-stages.js';

// An hours entry as GET /api/volunteer-hours gives it, and the answer of a bulk confirmation:
// the API's answers and the console's types.

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
