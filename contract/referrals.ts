import { z } from 'zod';
import { referralActions } from '../domain/referral-actions.js';
import { educationLevels, referralStages } from '../domain/referral-stages.js';
import { decisionSchema } from './decisions.js';

// What GET /api/referrals and /api/referrals/:id answer and what the list filters by, written
// once: the API documents its answers with these schemas (OpenAPI) and the console's record
// types are `z.output` of them.

/** A row of GET /api/referrals. */
export const referralSchema = z.object({
  id: z.number(),
  seekerId: z.number(),
  seekerName: z.string(),
  idNumberMasked: z.string(),
  age: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  batchId: z.number().nullable(),
  stage: z.enum(referralStages),
  stageSince: z.string(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  helperId: z.number().nullable(),
  helperName: z.string().nullable(),
  workflowId: z.string(),
  createdAt: z.string(),
});

/** What the seeker can do and wants: declared with the batch, corrected at intake. */
export const seekerProfileSchema = z.object({
  education: z.enum(educationLevels),
  skills: z.array(z.string()),
  experience: z.string(),
  maxHoursPerWeek: z.number().nullable(),
  noPhysicalWork: z.boolean(),
  expectedWageFen: z.number().nullable(),
  constraintsNote: z.string(),
});

export const matchReasonSchema = z.object({
  factor: z.enum(['skills', 'preferred', 'distance', 'wage', 'zero_employment']),
  points: z.number(),
  text: z.string(),
});

/** One ranked opening: the latest ranking only (the workflow re-runs it after each step). */
export const matchSchema = z.object({
  rank: z.number(),
  openingId: z.number(),
  title: z.string(),
  employerName: z.string(),
  streetName: z.string(),
  wageMinFen: z.number(),
  wageMaxFen: z.number(),
  placesLeft: z.number(),
  status: z.enum(['open', 'closed']),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
});

export const interviewSchema = z.object({
  id: z.number(),
  openingId: z.number(),
  title: z.string(),
  employerName: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  outcome: z.enum(['hired', 'not_hired']).nullable(),
  reason: z.string().nullable(),
  remindedAt: z.string().nullable(),
});

/** A placement as the referral shows it (GET /api/placements answers its own row: contract/placements.ts). */
export const referralPlacementSchema = z.object({
  id: z.number(),
  openingId: z.number(),
  employerName: z.string(),
  jobTitle: z.string(),
  wageFen: z.number(),
  startDate: z.string(),
  status: z.enum(['active', 'left', 'retained']),
  leftReason: z.string().nullable(),
});

export const followUpSchema = z.object({
  id: z.number(),
  placementId: z.number(),
  month: z.number(),
  dueAt: z.string(),
  status: z.enum(['open', 'retained', 'left', 'cancelled']),
  reason: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

/** What happened along a referral: the latest ranking, the proposal, interviews, placements, follow-ups, the timeline. */
export const referralPartsSchema = z.object({
  matches: z.array(matchSchema),
  proposal: z.object({ openingId: z.number(), title: z.string(), employerName: z.string() }).nullable(),
  interviews: z.array(interviewSchema),
  placements: z.array(referralPlacementSchema),
  followUps: z.array(followUpSchema),
  decisions: z.array(decisionSchema),
});

/** GET /api/referrals/:id, and the answer of every referral action. */
export const referralDetailSchema = referralSchema.extend({
  seeker: seekerProfileSchema.extend({
    id: z.number(),
    name: z.string(),
    idNumberMasked: z.string(),
    age: z.number(),
    phone: z.string(),
  }),
  assessment: seekerProfileSchema.extend({ notes: z.string(), by: z.string(), at: z.string() }).nullable(),
  helper: z.object({ id: z.number(), name: z.string(), phone: z.string() }).nullable(),
  matchedAt: z.string().nullable(),
  ...referralPartsSchema.shape,
  decisions: z.array(decisionSchema),
  closedReason: z.string().nullable(),
  allowedActions: z.array(z.enum(referralActions)),
});

const id = z.coerce.number().int();

export const referralFilters = {
  stage: z.union([z.enum(referralStages), z.array(z.enum(referralStages))]),
  communityId: id,
  streetId: id,
  enterpriseId: id,
  batchId: id,
  overdue: z.boolean(),
  /** Waiting on the reader's role (a supervisor: overdue). */
  myQueue: z.boolean(),
  /** The seeker's name, or her ID number (whole, or its last digits). */
  q: z.string().trim().max(50),
};
