import { z } from 'zod';
import { benefitActions } from '../domain/benefit-actions.js';
import { enrollmentStatuses, householdCategories } from '../domain/benefit-stages.js';
import { decisionSchema } from './decisions.js';
import { memberSchema } from './households.js';

// An enrollment (a household on dibao) as lists and its page read it, with its dated terms,
// written once: the API documents its responses with them, the console's Enrollment is
// `z.output` of them.

export const enrollmentSchema = z.object({
  id: z.number(),
  applicationId: z.number(),
  householdId: z.number(),
  headName: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  category: z.enum(householdCategories),
  amountFen: z.number(),
  members: z.number(),
  status: z.enum(enrollmentStatuses),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  nextRecheckAt: z.string().nullable(),
  recheckDue: z.boolean(),
  stage: z.string(),
  overdue: z.boolean(),
  deadlineAt: z.string().nullable(),
});

export const enrollmentDetailSchema = enrollmentSchema.extend({
  householdMembers: z.array(memberSchema),
  terms: z.array(
    z.object({
      effectiveFrom: z.string(),
      status: z.enum(enrollmentStatuses),
      amountFen: z.number(),
      members: z.number(),
      totalIncomeFen: z.number(),
      calculation: z.record(z.string(), z.unknown()),
      reason: z.string(),
      /** A 渐退 month: its place in the schedule ("渐退期 第2/6月"). */
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  decisions: z.array(decisionSchema),
  allowedActions: z.array(z.enum(benefitActions)),
});

/** The list's filters (GET /api/enrollments?filter=…): each value's schema. */
export const enrollmentFilters = {
  status: z.union([z.enum(enrollmentStatuses), z.array(z.enum(enrollmentStatuses))]),
  category: z.enum(householdCategories),
  communityId: z.coerce.number().int(),
  streetId: z.coerce.number().int(),
  recheckDue: z.boolean(),
  overdue: z.boolean(),
  myQueue: z.boolean(),
  q: z.string().trim().max(50),
};
