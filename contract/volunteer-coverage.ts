import { z } from 'zod';

// One community of GET /api/volunteer-coverage (active volunteers against 1% of its residents):
// the API's answer and the console's type.

export const coverageRowSchema = z.object({
  /** The community's id. */
  id: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  residents: z.number(),
  /** 1% of residents, rounded up. */
  target: z.number(),
  active: z.number(),
  /** active / residents, e.g. 0.0123. */
  ratio: z.number(),
  met: z.boolean(),
});

/** What each list filter of GET /api/volunteer-coverage accepts. */
export const volunteerCoverageFilters = { streetId: z.coerce.number().int(), met: z.boolean() };
