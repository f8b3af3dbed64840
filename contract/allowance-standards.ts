import { z } from 'zod';

// An effective-dated allowance standard as the API answers with it, written once for the API's
// document and the console.

export const allowanceStandardSchema = z.object({
  id: z.number(),
  effectiveFrom: z.string(),
  standardFen: z.number(),
  floorPerPersonFen: z.number(),
  note: z.string(),
  createdAt: z.string(),
});

const fen = z.number().int('以分为单位的整数 (whole fen)');

/** POST /api/allowance-standards: a standard from a date on. */
export const createStandardBody = z
  .object({
    effectiveFrom: z.iso.date('日期格式 YYYY-MM-DD (date)'),
    standardFen: fen.positive('须大于0 (must be positive)').max(1_000_000),
    floorPerPersonFen: fen.min(0, '不能为负 (cannot be negative)'),
    note: z.string().trim().max(200).default(''),
  })
  .refine((v) => v.floorPerPersonFen <= v.standardFen, {
    path: ['floorPerPersonFen'],
    message: '保底不能高于标准 (floor cannot exceed the standard)',
  });

export type CreateStandardBody = z.input<typeof createStandardBody>;
