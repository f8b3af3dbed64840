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

/** The list's filters (GET /api/helpers?filter=…): each value's schema. */
export const helperFilters = {
  communityId: z.coerce.number().int(),
  active: z.boolean(),
  q: z.string().trim().max(50),
};
