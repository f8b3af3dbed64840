import { z } from 'zod';
import { benefitActions } from '../domain/benefit-actions.js';
import { benefitStages, householdCategories } from '../domain/benefit-stages.js';
import { decisionSchema } from './decisions.js';
import { memberSchema } from './households.js';
import { calculationSchema } from './calculation.js';
import { gradualExitSchema, incomeReviewSchema } from './employment-income.js';

// A dibao application as lists (applicationSchema) and its page (applicationDetailSchema) read
// it, written once: the API documents its responses with them, the console's Application is
// `z.output` of them.

export const applicationSchema = z.object({
  id: z.number(),
  householdId: z.number(),
  headName: z.string(),
  address: z.string(),
  category: z.enum(householdCategories),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  memberCount: z.number(),
  stage: z.enum(benefitStages),
  stageSince: z.string(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  workflowId: z.string(),
  createdAt: z.string(),
  proposedAmountFen: z.number().nullable(),
  blocked: z.boolean(),
  objectionCount: z.number(),
});

export const applicationDetailSchema = applicationSchema.extend({
  members: z.array(memberSchema),
  calculation: calculationSchema.nullable(),
  duplicates: z
    .array(
      z.object({ applicationId: z.number(), memberName: z.string(), idNumberMasked: z.string(), stage: z.string() }),
    )
    .nullable(),
  duplicateOverride: z.object({ by: z.string(), reason: z.string(), at: z.string() }).nullable(),
  homeVisit: z.object({ visitedOn: z.string(), notes: z.string(), by: z.string(), at: z.string() }).nullable(),
  closedReason: z.string().nullable(),
  decisions: z.array(decisionSchema),
  enrollmentId: z.number().nullable(),
  /** A wage reported by a placement, waiting for the caseworker's decision. */
  incomeReview: incomeReviewSchema.nullable(),
  /** 渐退期: the months paid before the case ends. */
  gradualExit: gradualExitSchema.nullable(),
  allowedActions: z.array(z.enum(benefitActions)),
});
