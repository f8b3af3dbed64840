import { z } from 'zod';
import { householdCategories } from '../domain/benefit-stages.js';
import { householdCareSchema } from './home-visits.js';
import { householdStorySchema } from './household-story.js';

// A household as the API answers with it, and its members (also shown on an application and an
// enrollment), written once: the API documents its responses with them, the console's record
// types are `z.output` of them.

export const memberSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  relation: z.string(),
  birthDate: z.string(),
  disabled: z.boolean(),
  monthlyIncomeFen: z.number(),
  verifiedIncomeFen: z.number().nullable(),
  leftHousehold: z.boolean(),
});

export const householdSchema = z.object({
  id: z.number(),
  headName: z.string(),
  address: z.string(),
  category: z.enum(householdCategories),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  bankAccountMasked: z.string().nullable(),
  memberCount: z.number(),
  applicationId: z.number().nullable(),
  stage: z.string().nullable(),
});

export const householdDetailSchema = householdSchema.extend({
  members: z.array(memberSchema),
  /** Every programme the household and its members are in (contract/household-story.ts). */
  story: householdStorySchema,
  /** Its care flags and visit plan (contract/home-visits.ts). */
  care: householdCareSchema,
});

/** The list's filters (GET /api/households?filter=…): each value's schema. */
export const householdFilters = {
  communityId: z.coerce.number().int(),
  streetId: z.coerce.number().int(),
  category: z.enum(householdCategories),
  q: z.string().trim().max(50),
};
