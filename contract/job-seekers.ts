import { z } from 'zod';
import { educationLevels, referralStages } from '../domain/referral-stages.js';

// What GET /api/job-seekers and /api/job-seekers/:id answer and what the list filters by,
// written once for the API's OpenAPI document and the console's record types.

/** A job seeker with her latest referral and its stage (null: none yet). */
export const jobSeekerSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  age: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  streetName: z.string(),
  education: z.enum(educationLevels),
  skills: z.array(z.string()),
  referralId: z.number().nullable(),
  stage: z.enum(referralStages).nullable(),
});

/** One job seeker and all her referrals, newest first. */
export const jobSeekerDetailSchema = jobSeekerSchema.extend({
  referrals: z.array(z.object({ id: z.number(), stage: z.enum(referralStages), createdAt: z.string() })),
});

export const jobSeekerFilters = {
  communityId: z.coerce.number().int(),
  streetId: z.coerce.number().int(),
  stage: z.enum(referralStages),
  /** Her name, or her ID number (whole, or its last digits). */
  q: z.string().trim().max(50),
};
