import { z } from 'zod';
import { roles } from '../domain/roles.js';
import { passwordField } from './auth.js';
import { recordId } from './fields.js';

// A staff account as /api/users answers it (never its password hash) and takes it, written once
// for the API's OpenAPI document and the console.

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

const userFields = {
  displayName: z.string().trim().min(1, '请输入姓名').max(100),
  role: z.enum(roles),
  orgUnitId: recordId(),
  active: z.boolean().default(true),
};

/** POST /api/users. */
export const userCreateBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,39}$/, '3–40个小写字母、数字或 ._- (3–40 lowercase letters, digits or ._-)'),
  password: passwordField,
  ...userFields,
});

/** PUT /api/users/:id: without a password the current one stays. */
export const userUpdateBody = z.object({ ...userFields, password: passwordField.optional() });

/** What each list filter of GET /api/users accepts. */
export const userFilters = {
  role: z.enum(roles),
  orgUnitId: z.coerce.number().int(),
  active: z.boolean(),
  q: z.string().max(100),
};
