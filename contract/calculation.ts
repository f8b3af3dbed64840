import { z } from 'zod';

// How an amount was computed (domain/allowance.ts), shown beside every amount.

export const calculationSchema = z.object({
  standardFen: z.number(),
  floorPerPersonFen: z.number(),
  standardEffectiveFrom: z.string(),
  members: z.number(),
  totalIncomeFen: z.number(),
  perCapitaIncomeFen: z.number(),
  eligible: z.boolean(),
  gapFen: z.number(),
  floorFen: z.number(),
  amountFen: z.number(),
  formula: z.string(),
});
