import { z } from 'zod';
import { benefitActions } from '../domain/benefit-actions.js';
import { benefitStages, householdCategories, memberRelations } from '../domain/benefit-stages.js';
import { decisionSchema } from './decisions.js';
import { idNumberField, recordId } from './fields.js';
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
  homeVisit: z
    .object({
      visitedOn: z.string(),
      notes: z.string(),
      /** The caseworker's username (as the workflow recorded it) and her name. */
      by: z.string(),
      byName: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  closedReason: z.string().nullable(),
  decisions: z.array(decisionSchema),
  enrollmentId: z.number().nullable(),
  /** A wage reported by a placement, waiting for the caseworker's decision. */
  incomeReview: incomeReviewSchema.nullable(),
  /** 渐退期: the months paid before the case ends. */
  gradualExit: gradualExitSchema.nullable(),
  allowedActions: z.array(z.enum(benefitActions)),
});

const memberInput = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber: idNumberField,
  relation: z.enum(memberRelations),
  disabled: z.boolean().default(false),
  monthlyIncomeFen: z
    .number()
    .int('收入以分为单位，须为整数 (income is whole fen)')
    .min(0, '收入不能为负 (income cannot be negative)')
    .max(10_000_000),
});

/** POST /api/applications: a household and its members, submitted as a dibao application. */
export const createApplicationBody = z
  .object({
    headName: z.string().trim().min(1, '请输入户主姓名 (head of household required)').max(50),
    address: z.string().trim().min(1, '请输入住址 (address required)').max(200),
    communityId: recordId(),
    category: z.enum(householdCategories),
    bankAccount: z
      .string()
      .trim()
      .regex(/^\d{12,30}$/, '银行账号应为12–30位数字 (12–30 digits)')
      .optional(),
    members: z.array(memberInput).min(1, '至少一名家庭成员 (at least one member)').max(20),
  })
  .superRefine((v, ctx) => {
    const heads = v.members.filter((m) => m.relation === 'head');
    if (heads.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: '须有且只有一名户主 (exactly one member must be the head)',
      });
    const seen = new Map<string, number>();
    v.members.forEach((m, i) => {
      if (seen.has(m.idNumber))
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'idNumber'],
          message: `与第${seen.get(m.idNumber)! + 1}名成员身份证号重复 (duplicate ID number)`,
        });
      seen.set(m.idNumber, i);
    });
  });

export type CreateApplicationBody = z.input<typeof createApplicationBody>;

/** The list's filters (GET /api/applications?filter=…): each value's schema. */
export const applicationFilters = {
  stage: z.union([z.enum(benefitStages), z.array(z.enum(benefitStages))]),
  communityId: z.coerce.number().int(),
  streetId: z.coerce.number().int(),
  overdue: z.boolean(),
  blocked: z.boolean(),
  myQueue: z.boolean(),
  q: z.string().trim().max(50),
};
