import { z } from 'zod';

// A referring enterprise as GET/POST /api/enterprises answer it, written once for the API's
// OpenAPI document and the console's record type.

export const enterpriseSchema = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  contact: z.string(),
});
