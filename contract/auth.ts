import { z } from 'zod';
import { MAX_PASSWORD_BYTES, passwordProblem } from '../domain/password-policy.js';

// Signing in and out, and changing one's own password (/api/auth/*): what the API takes and
// answers, written once for its validation, its OpenAPI document and the console.

/**
 * A new password: the policy's rules that need no username, in the body schema, so a form with
 * several bad fields gets all of them named at once; "must not contain the username" is checked
 * by the handler, which knows whose password it is.
 */
export const passwordField = z
  .string()
  .max(MAX_PASSWORD_BYTES) // characters here; the policy counts the bytes bcrypt reads
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The signed-in user as sign-in and GET /api/auth/me answer: who, in which role and org unit. */
export const userPublicSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgUnitId: z.number(),
});

/** POST /api/auth/login. */
export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(100),
  password: z.string().min(1, '请输入密码').max(200),
});
export const loginResultSchema = z.object({ token: z.string(), user: userPublicSchema });

/** POST /api/auth/password: your own, checked against the current one. */
export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码 (enter your current password)').max(200),
  newPassword: passwordField,
});

/** Sign-out and password change answer only that they were done. */
export const okResultSchema = z.object({ ok: z.boolean() });
