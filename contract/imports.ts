import { z } from 'zod';

// POST /api/imports, a caseload CSV loaded: the API's answer and the console's ImportResult.

/** What a load (not a dry run) answers: 201. */
export const importResultSchema = z.object({
  households: z.number(),
  members: z.number(),
  enrollments: z.number(),
  totalAmountFen: z.number(),
  applicationIds: z.array(z.number()),
  workflowsStarted: z.number(),
});

/** POST /api/imports: the caseload CSV as text; with dryRun it is only checked. */
export const importBody = z.object({
  csv: z.string().min(1, '请选择CSV文件 (CSV text required)'),
  dryRun: z.boolean().default(false),
});

export type ImportBody = z.input<typeof importBody>;
