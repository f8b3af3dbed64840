import { z } from 'zod';
import { isPeriod, paymentKinds, paymentStatuses } from '../domain/disbursement.js';

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
  /** What the line's term says about it (渐退期 第i/N月). */
  note: z.string().nullable(),
  reissueOf: z.number().nullable(),
  arrearsOf: z.number().nullable(),
  bankFileSeq: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The list's filters (GET /api/payments?filter=…): each value's schema. */
export const paymentFilters = {
  // A real month (2026-13 is refused, not answered with an empty page).
  period: z.string().refine(isPeriod, '期间格式 YYYY-MM (period YYYY-MM)'),
  runId: z.coerce.number().int(),
  status: z.union([z.enum(paymentStatuses), z.array(z.enum(paymentStatuses))]),
  kind: z.enum(paymentKinds),
  streetId: z.coerce.number().int(),
  communityId: z.coerce.number().int(),
  enrollmentId: z.coerce.number().int(),
  q: z.string().trim().max(50),
};

/** POST /api/payments/:id/reissue: the corrected account (and the holder's name, if it changed). */
export const reissuePaymentBody = z.object({
  account: z
    .string()
    .trim()
    .regex(/^\d{12,30}$/, '银行账号应为12–30位数字 (12–30 digits)'),
  accountName: z.string().trim().min(1).max(50).optional(),
});

/** POST /api/payments/:id/carry takes no fields. */
export const carryPaymentBody = z.object({}).passthrough();

export type ReissuePaymentBody = z.input<typeof reissuePaymentBody>;
