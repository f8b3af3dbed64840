import { minLength, regex } from 'react-admin';

// Same rules as the API (api/routes/users.ts), checked early for a friendlier form.
export const MIN_PASSWORD_LENGTH = 8;
export const validateUsername = regex(/^[a-z][a-z0-9_.-]{2,39}$/, 'shequ.validation.username');
export const validatePassword = minLength(MIN_PASSWORD_LENGTH);
