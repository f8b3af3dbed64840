import { z } from 'zod';
import { recordId } from './fields.js';

// An employer as GET/POST /api/employers answer it, what POST takes and what the list filters
// by, written once for the API (validation, OpenAPI document) and the console's types.

export const employerSchema = z.object({
  id: z.number(),
  name: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  address: z.string(),
  contact: z.string(),
  phone: z.string(),
  /** Open openings. */
  openings: z.number(),
  placesLeft: z.number(),
});

export const employerCreateBody = z.object({
  name: z.string().trim().min(1, '请输入单位名称 (name required)').max(100),
  streetId: recordId(),
  address: z.string().trim().max(200).default(''),
  contact: z.string().trim().max(50).default(''),
  phone: z.string().trim().max(30).default(''),
});
export type EmployerCreateBody = z.input<typeof employerCreateBody>;

export const employerFilters = { streetId: z.coerce.number().int(), q: z.string().trim().max(50) };
