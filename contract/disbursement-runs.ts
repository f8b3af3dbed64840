import { z } from 'zod';
import { disbursementPhases, isPeriod } from '../domain/disbursement.js';

// A monthly disbursement run as the list (runSchema) and its page (runDetailSchema) read it,
// written once: the API documents its responses with them, the console's Run and RunDetail are
// `z.output` of them.

export const runSchema = z.object({
  id: z.number(),
  period: z.string(),
  cutoffDate: z.string(),
  workflowId: z.string(),
  phase: z.enum(disbursementPhases),
  trigger: z.string(),
  pagesTotal: z.number(),
  pagesDone: z.number(),
  progress: z.number().describe('0..1 of the build'),
  lines: z.number(),
  totalFen: z.number(),
  linesPaid: z.number(),
  linesFailed: z.number(),
  signoffDeadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  startedAt: z.string(),
  phaseSince: z.string(),
  completedAt: z.string().nullable(),
});

export const runDetailSchema = runSchema.extend({
  totalsByStreet: z.array(
    z.object({ streetId: z.number(), streetName: z.string(), lines: z.number(), amountFen: z.number() }),
  ),
  totalsByCommunity: z.array(
    z.object({
      communityId: z.number(),
      communityName: z.string(),
      streetId: z.number(),
      lines: z.number(),
      amountFen: z.number(),
    }),
  ),
  checkReport: z.unknown(),
  report: z.unknown(),
  bankFiles: z.array(
    z.object({
      seq: z.number(),
      lines: z.number(),
      totalFen: z.number(),
      sha256: z.string(),
      batchId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  allowedActions: z.array(z.string()),
});

/** The list's filters (GET /api/disbursement-runs?filter=…): each value's schema. */
export const runFilters = {
  phase: z.union([z.enum(disbursementPhases), z.array(z.enum(disbursementPhases))]),
  overdue: z.boolean(),
};

/** POST /api/disbursement-runs: the month to start by hand. */
export const startRunBody = z.object({ period: z.string().refine(isPeriod, '期间格式 YYYY-MM (period YYYY-MM)') });

/** Approve and close: a reason is optional. */
export const runReasonBody = z.object({ reason: z.string().trim().max(500).default('') });
/** Reject: the reason is required. */
export const runRejectBody = z.object({ reason: z.string().trim().min(1, '请填写原因 (reason required)').max(500) });
/** Re-check after a fix: what was fixed is required. */
export const runRecheckBody = z.object({
  reason: z.string().trim().min(1, '请填写说明 (reason required)').max(500),
});

export type StartRunBody = z.input<typeof startRunBody>;
