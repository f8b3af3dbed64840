import { z } from 'zod';

// GET /api/dashboard, the home page's figures in one answer: the API's answer and the
// console's DistrictOverview.

export const dashboardSchema = z.object({
  openByStage: z.array(z.object({ kind: z.string(), stage: z.string(), count: z.number() })),
  openByStreet: z.array(
    z.object({ streetId: z.number(), streetName: z.string(), kind: z.string(), count: z.number() }),
  ),
  overdueNow: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()) }),
  /** 12 weeks, oldest first: `week` is its Monday (YYYY-MM-DD); `percent` null when nothing was completed that week. */
  sla: z.array(
    z.object({ week: z.string(), completed: z.number(), onTime: z.number(), percent: z.number().nullable() }),
  ),
  stuckByReason: z.array(z.object({ reason: z.string(), count: z.number() })),
  /** 12 months (`period` YYYY-MM), oldest first; empty below the district. */
  disbursements: z.array(z.object({ period: z.string(), totalFen: z.number(), lines: z.number() })),
  placementsThisMonth: z.number(),
  volunteerHoursThisMonth: z.number(),
});
