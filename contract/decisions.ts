import { z } from 'zod';

// A case's timeline row, one per transition, oldest first: every kind of case (a dibao case, a
// referral, a volunteer) answers with it, and the console reads it; written once here.

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
