import { z } from 'zod';
import { incomeEventKinds, incomeOutcomes } from '../domain/employment-income.js';
import { calculationSchema } from './calculation.js';

// A wage reported by a placement as the dibao case shows it: the review waiting for a decision
// (the event and the proposal computed from the rules) and, in 渐退期, the months still paid.

const gradualMonthSchema = z.object({ period: z.string(), amountFen: z.number() });

export const incomeProposalSchema = z.object({
  outcome: z.enum(incomeOutcomes),
  wageFen: z.number(),
  /** 就业成本扣减. */
  deductionFen: z.number(),
  countedFen: z.number(),
  calculation: calculationSchema,
  /** Per-capita income above which the case ends instead of 渐退. */
  ceilingFen: z.number(),
  schedule: z.array(gradualMonthSchema),
  explanation: z.string(),
});

export const incomeReviewSchema = z.object({
  event: z.object({
    eventId: z.string(),
    kind: z.enum(incomeEventKinds),
    memberId: z.number(),
    wageFen: z.number(),
    placementId: z.number(),
    referralId: z.number(),
    occurredAt: z.string(),
  }),
  proposal: incomeProposalSchema,
});

export const gradualExitSchema = z.object({
  endsAt: z.string(),
  /** The first day no longer paid. */
  endsOn: z.string(),
  schedule: z.array(gradualMonthSchema),
});
