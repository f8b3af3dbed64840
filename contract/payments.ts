import { z } from 'zod';
import { paymentKinds, paymentStatuses } from '../domain/disbursement.js';

// One payment line of a monthly run as the API answers with it, written once: the API documents
// its responses with it, the console's Payment is `z.output` of it.

export const paymentSchema = z.object({
  id: z.number(),
  runId: z.number(),
  period: z.string(),
  enrollmentId: z.number(),
  householdId: z.number(),
  /** The account holder's name as sent to the bank. */
  name: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  kind: z.enum(paymentKinds),
  amountFen: z.number(),
  standardFen: z.number(),
  floorPerPersonFen: z.number(),
  totalIncomeFen: z.number(),
  members: z.number(),
  accountMasked: z.string(),
  status: z.enum(paymentStatuses),
  failureReason: z.string().nullable(),
  reissueOf: z.number().nullable(),
  arrearsOf: z.number().nullable(),
  bankFileSeq: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
