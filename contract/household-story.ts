import { z } from 'zod';
import { incomeEventKinds } from '../domain/employment-income.js';

// One household across programmes, as its page shows it: each member's referrals (with their
// placements and follow-ups), the payments of the last 12 months, the income events its
// placements sent to the dibao case, and one timeline of every case it has (who, role, when,
// what). Members are matched to job seekers by the keyed hash of their ID number.

export const householdReferralSchema = z.object({
  referralId: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  stage: z.string(),
  placements: z.array(
    z.object({
      id: z.number(),
      jobTitle: z.string(),
      employerName: z.string(),
      wageFen: z.number(),
      startDate: z.string(),
      status: z.string(),
      followUps: z.array(
        z.object({ month: z.number(), dueAt: z.string(), status: z.string(), wageFen: z.number().nullable() }),
      ),
    }),
  ),
});

export const householdPaymentSchema = z.object({
  id: z.number(),
  period: z.string(),
  kind: z.string(),
  amountFen: z.number(),
  status: z.string(),
  note: z.string().nullable(),
});

export const householdIncomeEventSchema = z.object({
  eventId: z.string(),
  kind: z.enum(incomeEventKinds),
  memberId: z.number(),
  wageFen: z.number(),
  status: z.string(),
  outcome: z.string().nullable(),
  applicationId: z.number(),
  occurredAt: z.string(),
});

export const householdTimelineSchema = z.object({
  programme: z.enum(['dibao', 'referral']),
  caseId: z.number(),
  /** The member a referral is about; null for the household's dibao case. */
  memberName: z.string().nullable(),
  decision: z.string(),
  toStage: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  comment: z.string(),
  at: z.string(),
});

export const householdStorySchema = z.object({
  referrals: z.array(householdReferralSchema),
  payments: z.array(householdPaymentSchema),
  incomeEvents: z.array(householdIncomeEventSchema),
  timeline: z.array(householdTimelineSchema),
});
