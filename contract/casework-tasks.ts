import { z } from 'zod';

// A caseworker's task that is not a case stage (inviting back a household that left dibao
// through work, a review after refused offers, what a volunteer's visit found), as
// GET /api/casework-tasks answers with it, and what completing one takes.

export const caseworkTaskKinds = ['reapply_invitation', 'refusal_review', 'visit_concern', 'visit_missed'] as const;
export const caseworkTaskStatuses = ['open', 'done'] as const;

export const caseworkTaskSchema = z.object({
  id: z.number(),
  kind: z.enum(caseworkTaskKinds),
  status: z.enum(caseworkTaskStatuses),
  title: z.string(),
  /** What raised it (for a re-apply invitation: referralId, placementId, exitedOn). */
  details: z.record(z.string(), z.unknown()),
  householdId: z.number(),
  headName: z.string(),
  applicationId: z.number().nullable(),
  communityId: z.number(),
  communityName: z.string(),
  streetName: z.string(),
  dueAt: z.string(),
  /** Open and past its due time. */
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  doneById: z.number().nullable(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});

/** POST /api/casework-tasks/:id/done: what came of it, in the caseworker's words. */
export const caseworkTaskDoneBody = z.object({
  outcome: z.string().trim().min(1, '请填写处理结果').max(500, '处理结果不能超过500字'),
});

const id = z.coerce.number().int();

/** What each list filter of GET /api/casework-tasks accepts. */
export const caseworkTaskFilters = {
  status: z.enum(caseworkTaskStatuses),
  kind: z.enum(caseworkTaskKinds),
  communityId: id,
  streetId: id,
  householdId: id,
  applicationId: id,
  overdue: z.boolean(),
};

export type CaseworkTask = z.output<typeof caseworkTaskSchema>;
export type CaseworkTaskDoneBody = z.input<typeof caseworkTaskDoneBody>;
