import { regex } from 'react-admin';
import { passwordProblem } from '../../../domain/password-policy';

// The API's own rules (domain/password-policy.ts), checked early for a friendlier form.
export const validateUsername = regex(/^[a-z][a-z0-9_.-]{2,39}$/, 'shequ.validation.username');
export const validatePassword = (value: unknown, values?: { username?: string }) =>
  typeof value === 'string' && value ? passwordProblem(value, values?.username) : undefined;
