import { z } from 'zod';

// The monthly disbursement Schedule as the API answers with it (when it fires next, whether it
// is paused and why), written once for the API's document and the console.

export const scheduleStatusSchema = z.object({
  scheduleId: z.string(),
  paused: z.boolean(),
  note: z.string().nullable(),
  nextRunAt: z.array(z.string()),
  recentRuns: z.array(z.object({ scheduledAt: z.string(), startedAt: z.string(), workflowId: z.string() })),
  calendar: z.string(),
  dayOfMonth: z.number(),
  hour: z.number(),
  timezone: z.string(),
});

/** POST /api/disbursement-schedule/pause and /resume: why. */
export const scheduleNoteBody = z.object({ note: z.string().trim().min(1, '请填写说明 (note required)').max(300) });

export type ScheduleNoteBody = z.input<typeof scheduleNoteBody>;
