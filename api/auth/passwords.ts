import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH, passwordProblem } from '../../domain/password-policy.js';
export { hashPassword, verifyPassword } from '../../db/passwords.js';
export { MIN_PASSWORD_LENGTH };

// The policy's rules that need no username, in the body schema, so a form with several bad
// fields gets all of them named at once; "must not contain the username" is checked by the
// handler, which knows whose password it is.
export const passwordSchema = z
  .string()
  .max(MAX_PASSWORD_BYTES) // characters here; the policy counts the bytes bcrypt reads
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** 400 naming `field` when the password breaks the policy for this username. */
export function assertPasswordPolicy(plain: string, username: string, field = 'password'): void {
  const problem = passwordProblem(plain, username);
  if (problem) throw new ValidationError(`请求内容无效 (invalid request body): ${field}`, { [field]: problem });
}
