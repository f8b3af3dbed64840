import { z } from 'zod';

// The case timeline: one row per transition, oldest first. Every case's detail answer carries
// it (applications, enrollments, referrals, volunteers), so it is written once for the API's
// answers and the console's types.

export const decisionSchema = z.object({
  id: z.number(),
  seq: z.number(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  decision: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  comment: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});
