import { z } from 'zod';

// An effective-dated allowance standard as the API answers with it, written once for the API's
// document and the console.

export const allowanceStandardSchema = z.object({
  id: z.number(),
  effectiveFrom: z.string(),
  standardFen: z.number(),
  floorPerPersonFen: z.number(),
  note: z.string(),
  createdAt: z.string(),
});
