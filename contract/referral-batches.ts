import { z } from 'zod';

// An enterprise's list of surplus staff as /api/referral-batches answers it, written once for the
// API's OpenAPI document and the console's record type.

/** A list received on one day, with the referrals of the reader's area it holds. */
export const referralBatchSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  reference: z.string(),
  receivedOn: z.string(),
  count: z.number(),
  createdAt: z.string(),
  referralIds: z.array(z.number()),
});
