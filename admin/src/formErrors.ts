import { HttpError } from 'react-admin';

/** Maps an API field name to the form input that holds it, where they differ. */
export type FieldRename = (apiField: string) => string;

/**
 * The API answers a 400 with `{ message, errors: { "members.0.idNumber": "…" } }`. react-admin's
 * pessimistic forms put `error.body.errors` beside the inputs; this reshapes it so every message
 * lands somewhere: `_` (no field) becomes `root.serverError`, which the form shows as a toast.
 */
export function toFormError(error: unknown, rename: FieldRename = (f) => f): unknown {
  if (!(error instanceof HttpError)) return error;
  const errors: unknown = error.body?.errors;
  if (!errors || typeof errors !== 'object') return error;
  const form: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(errors as Record<string, string>)) {
    if (field === '_') form.root = { serverError: message };
    else form[rename(field)] = message;
  }
  return new HttpError(error.message, error.status, { ...error.body, errors: form });
}
