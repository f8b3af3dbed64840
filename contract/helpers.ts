import { z } from 'zod';

// A 一助一 helper as GET /api/helpers answers it, written once for the API's OpenAPI document and
// the console's type.

export const helperSchema = z.object({
  id: z.number(),
  name: z.string(),
  phone: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  active: z.boolean(),
  /** How many seekers she already helps. */
  seekers: z.number(),
});
