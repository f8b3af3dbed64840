import { z } from 'zod';

// A job opening as /api/job-openings answers it, written once for the API's OpenAPI document and
// the console's record type.

export const jobOpeningSchema = z.object({
  id: z.number(),
  employerId: z.number(),
  employerName: z.string(),
  title: z.string(),
  requiredSkills: z.array(z.string()),
  preferredSkills: z.array(z.string()),
  wageMinFen: z.number(),
  wageMaxFen: z.number(),
  streetId: z.number(),
  streetName: z.string(),
  hoursPerWeek: z.number(),
  physical: z.boolean(),
  placesTotal: z.number(),
  placesLeft: z.number(),
  placed: z.number(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
