import { z } from 'zod';
import { placementMonth } from './placements.js';

// A row of GET /api/placement-report and what it filters by, written once for the API's OpenAPI
// document and the console's record type. The 1-, 3- and 6-month columns are spelled out (not
// built in a loop) so that the type names each of them.

/** Of the placements whose k-month status is known, the share still in the job; null: none known yet. */
const rate = z.number().min(0).max(1).nullable();

/** One street and month of start: placements, and who stayed at 1, 3 and 6 months (`id`: `<streetId>:<YYYY-MM>`). */
export const placementReportRowSchema = z.object({
  id: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  month: z.string(),
  placed: z.number(),
  due1: z.number(),
  retained1: z.number(),
  rate1: rate,
  due3: z.number(),
  retained3: z.number(),
  rate3: rate,
  due6: z.number(),
  retained6: z.number(),
  rate6: rate,
});

export const placementReportFilters = { streetId: z.coerce.number().int(), from: placementMonth, to: placementMonth };
