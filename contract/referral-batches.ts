import { z } from 'zod';
import { educationLevels } from '../domain/referral-stages.js';
import { idNumberField, recordId, skillList } from './fields.js';

// An enterprise's list of surplus staff as /api/referral-batches answers it, what POST takes and
// what the list filters by, written once for the API (validation, OpenAPI document) and the
// console's types.

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

/** One person on the list; she becomes a job seeker (or her record is updated) and gets a referral. */
export const batchSeekerBody = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber: idNumberField,
  communityId: recordId(),
  phone: z.string().trim().max(30).default(''),
  education: z.enum(educationLevels),
  skills: skillList.default([]),
  experience: z.string().trim().max(2000).default(''),
});

export const referralBatchCreateBody = z
  .object({
    enterpriseId: recordId(),
    reference: z.string().trim().min(1, '请输入名单编号 (list reference required)').max(100),
    receivedOn: z.iso.date('日期格式 YYYY-MM-DD (date)'),
    seekers: z.array(batchSeekerBody).min(1, '名单至少一人 (at least one person)').max(500),
  })
  // The same person twice on one list is a typing error, named on the later row.
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.seekers.forEach((s, i) => {
      if (seen.has(s.idNumber))
        ctx.addIssue({
          code: 'custom',
          path: ['seekers', i, 'idNumber'],
          message: `与第${seen.get(s.idNumber)! + 1}人身份证号重复 (duplicate ID number)`,
        });
      seen.set(s.idNumber, i);
    });
  });
export type BatchSeekerBody = z.input<typeof batchSeekerBody>;
export type ReferralBatchCreateBody = z.input<typeof referralBatchCreateBody>;

export const referralBatchFilters = { enterpriseId: z.coerce.number().int() };
