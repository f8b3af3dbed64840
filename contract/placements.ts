import { z } from 'zod';

// A row of GET /api/placements and what the list filters by, written once for the API's
// OpenAPI document and the console's record type.

/** A follow-up's status; null: that month's follow-up is not due yet. */
const followUpStatus = z.enum(['open', 'retained', 'left', 'cancelled']).nullable();

const placementStatus = z.enum(['active', 'left', 'retained']);

/** A month of start, as the list and the report filter by it. */
export const placementMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式 YYYY-MM (month)');

/** One placement and its three follow-ups. */
export const placementSchema = z.object({
  id: z.number(),
  referralId: z.number(),
  seekerName: z.string(),
  employerName: z.string(),
  jobTitle: z.string(),
  wageFen: z.number(),
  startDate: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  communityName: z.string(),
  status: placementStatus,
  leftReason: z.string().nullable(),
  followUps: z.object({ 1: followUpStatus, 3: followUpStatus, 6: followUpStatus }),
});

export const placementFilters = {
  streetId: z.coerce.number().int(),
  status: placementStatus,
  month: placementMonth,
  q: z.string().trim().max(50),
};
