// Who does what in the bureau: caseworkers sit in communities, reviewers in streets,
// approvers, finance and supervisors in the district; volunteer team leaders in communities.
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

/** Roles that see the whole district regardless of the org unit they belong to. */
export const districtWideRoles: readonly Role[] = ['district_approver', 'finance', 'supervisor', 'admin'];

export const orgUnitKinds = ['district', 'street', 'town', 'community'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** Whether a user at `orgPath` with `role` covers the org unit at `unitPath` (paths are materialized: /1/2/3/). */
export function coversUnit(role: Role, orgPath: string, unitPath: string): boolean {
  return districtWideRoles.includes(role) || unitPath.startsWith(orgPath);
}
