import { z } from 'zod';

// A row of GET /api/placements, written once for the API's OpenAPI document and the console's
// record type.

/** A follow-up's status; null: that month's follow-up is not due yet. */
const followUpStatus = z.enum(['open', 'retained', 'left', 'cancelled']).nullable();

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
  status: z.enum(['active', 'left', 'retained']),
  leftReason: z.string().nullable(),
  followUps: z.object({ 1: followUpStatus, 3: followUpStatus, 6: followUpStatus }),
});
