import { z } from 'zod';
import { stuckReasons, supervisorActions } from '../domain/stuck.js';
import { workflowKinds } from '../domain/search-attributes.js';

// A workflow as supervisors see it (GET /api/workflows and /api/workflows/:id: why it is stuck,
// its live state, what they did on it) and who may take its case over: the API's answers and
// the console's types.

export const stuckRowSchema = z.object({
  /** The Temporal workflow id ("benefit-12", perhaps with a deployment prefix). */
  id: z.string(),
  /** Null for a workflow that is not a case (the API could not tell). */
  kind: z.enum(workflowKinds).nullable(),
  caseId: z.string().nullable(),
  /** A console route to the case ("/applications/12/show"), null when it has no page. */
  caseLink: z.string().nullable(),
  stage: z.string().nullable(),
  since: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  /** The main reason; `reasons` has all of them (null, empty: not stuck any more). */
  reason: z.enum(stuckReasons).nullable(),
  reasons: z.array(z.enum(stuckReasons)),
  attempts: z.number().nullable(),
  lastError: z.string().nullable(),
  activityType: z.string().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  streetId: z.number().nullable(),
  streetName: z.string().nullable(),
  communityName: z.string().nullable(),
  status: z.string(),
  temporalUrl: z.string(),
  detail: z.string().nullable(),
  allowedActions: z.array(z.enum(supervisorActions)),
});

export const interventionSchema = z.object({
  action: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
/** GET /api/workflows/:id, and the answer of every supervisor action: the row and what supervisors did on it. */
export const workflowDetailSchema = stuckRowSchema.extend({ interventions: z.array(interventionSchema) });

/** Who a stuck case may be handed to (GET /api/workflows/:id/assignees). */
export const assigneeSchema = z.object({ id: z.number(), fullName: z.string(), username: z.string() });

/** The stuck list's filters (GET /api/workflows?filter=…): each value's schema. */
export const workflowFilters = {
  kind: z.enum(workflowKinds),
  reason: z.enum(stuckReasons),
  streetId: z.coerce.number().int().positive(),
  minAgeDays: z.coerce.number().min(0).max(3650),
};
