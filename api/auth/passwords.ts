import { ValidationError } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../domain/password-policy.js';
export { hashPassword, verifyPassword } from '../../db/passwords.js';
export { MIN_PASSWORD_LENGTH };

/**
 * 400 naming `field` when the password breaks the policy for this username: the one rule the body
 * schema (contract/auth.ts passwordField) cannot check.
 */
export function assertPasswordPolicy(plain: string, username: string, field = 'password'): void {
  const problem = passwordProblem(plain, username);
  if (problem) throw new ValidationError(`请求内容无效 (invalid request body): ${field}`, { [field]: problem });
}
