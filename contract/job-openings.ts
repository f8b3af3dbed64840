import { z } from 'zod';
import { fenAmount, recordId, skillList } from './fields.js';

// A job opening as /api/job-openings answers it, what POST and PUT take and what the list
// filters by, written once for the API (validation, OpenAPI document) and the console's types.

const openingStatus = z.enum(['open', 'closed']);

export const jobOpeningSchema = z.object({
  id: z.number(),
  employerId: z.number(),
  employerName: z.string(),
  title: z.string(),
  requiredSkills: z.array(z.string()),
  preferredSkills: z.array(z.string()),
  wageMinFen: z.number(),
  wageMaxFen: z.number(),
  streetId: z.number(),
  streetName: z.string(),
  hoursPerWeek: z.number(),
  physical: z.boolean(),
  placesTotal: z.number(),
  placesLeft: z.number(),
  placed: z.number(),
  status: openingStatus,
  createdAt: z.string(),
});

const fen = fenAmount(100_000_000);
const fields = {
  employerId: recordId(),
  title: z.string().trim().min(1, '请输入岗位名称 (title required)').max(100),
  requiredSkills: skillList,
  preferredSkills: skillList,
  wageMinFen: fen,
  wageMaxFen: fen,
  streetId: recordId(),
  hoursPerWeek: z.number().int().min(1).max(84),
  physical: z.boolean(),
  placesTotal: z.number().int().min(1, '至少1个名额 (at least one place)').max(10_000),
};
// Both wages in one body: checked here. Only one of them (an edit): the API checks it against the other one stored.
const wageOrder = (v: { wageMinFen?: number; wageMaxFen?: number }, ctx: z.RefinementCtx) => {
  if (v.wageMinFen !== undefined && v.wageMaxFen !== undefined && v.wageMaxFen < v.wageMinFen)
    ctx.addIssue({ code: 'custom', path: ['wageMaxFen'], message: '最高月薪不能低于最低月薪 (max below min)' });
};

export const jobOpeningCreateBody = z
  .object({
    ...fields,
    requiredSkills: skillList.default([]),
    preferredSkills: skillList.default([]),
    hoursPerWeek: fields.hoursPerWeek.default(40),
    physical: z.boolean().default(false),
  })
  .superRefine(wageOrder);

/** Any of the fields, and open/closed; never the employer. */
export const jobOpeningUpdateBody = z
  .object({ ...fields, status: openingStatus })
  .omit({ employerId: true })
  .partial()
  .superRefine(wageOrder);

export type JobOpeningCreateBody = z.input<typeof jobOpeningCreateBody>;
export type JobOpeningUpdateBody = z.input<typeof jobOpeningUpdateBody>;

export const jobOpeningFilters = {
  status: openingStatus,
  streetId: z.coerce.number().int(),
  employerId: z.coerce.number().int(),
  hasPlaces: z.boolean(),
  q: z.string().trim().max(50),
};
