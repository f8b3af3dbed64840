import { z } from 'zod';
import { orgUnitKinds } from '../domain/roles.js';

// An org unit (district, street, town, community) as /api/org-units answers it, written once for
// the API's OpenAPI document and the console.

export const orgUnitSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(orgUnitKinds),
  code: z.string(),
  name: z.string(),
  path: z.string(),
  residents: z.number().nullable(),
});

/** What each list filter of GET /api/org-units accepts. */
export const orgUnitFilters = {
  kind: z.union([z.enum(orgUnitKinds), z.array(z.enum(orgUnitKinds))]),
  parentId: z.coerce.number().int(),
  q: z.string().max(100),
};
