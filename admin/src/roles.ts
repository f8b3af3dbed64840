// Mirrors domain/roles.ts; the console must not import server code.
export const roles = [
  'caseworker',
  'street_reviewer',
  'district_approver',
  'finance',
  'supervisor',
  'admin',
  'team_leader',
] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value);

export const roleChoices = roles.map((id) => ({ id, name: `shequ.role.${id}` }));
