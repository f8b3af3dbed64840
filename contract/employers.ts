import { z } from 'zod';

// An employer as GET/POST /api/employers answer it, written once for the API's OpenAPI document
// and the console's record type.

export const employerSchema = z.object({
  id: z.number(),
  name: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  address: z.string(),
  contact: z.string(),
  phone: z.string(),
  /** Open openings. */
  openings: z.number(),
  placesLeft: z.number(),
});
