import type { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../domain/errors.js';

// zod issues → one message per field, in the `{ errors: { field: msg } }` shape react-admin's
// pessimistic forms display beside each input.

export function fieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = fieldErrors(result.error, prefix);
    const fields = Object.keys(errors).join(', ');
    throw new ValidationError(`${what}: ${fields}`, errors);
  }
  return result.data;
}
