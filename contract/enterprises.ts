import { z } from 'zod';

// A referring enterprise as GET/POST /api/enterprises answer it, what POST takes and what the
// list filters by, written once for the API (validation, OpenAPI document) and the console's types.

export const enterpriseSchema = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  contact: z.string(),
});

export const enterpriseCreateBody = z.object({
  name: z.string().trim().min(1, '请输入企业名称 (name required)').max(100),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码为18位 (18-character credit code)')
    .optional(),
  contact: z.string().trim().max(100).default(''),
});
export type EnterpriseCreateBody = z.input<typeof enterpriseCreateBody>;

export const enterpriseFilters = { q: z.string().trim().max(50) };
