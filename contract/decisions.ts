import { z } from 'zod';

// One transition of a case's timeline, as every case's detail answers it (oldest first): shared
// by the read-models that return a timeline and by the console's types.

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
