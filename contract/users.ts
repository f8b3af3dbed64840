import { z } from 'zod';
import { roles } from '../domain/roles.js';

// A staff account as /api/users answers it (never its password hash), written once for the API's
// OpenAPI document and the console.

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgUnitId: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
