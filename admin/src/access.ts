import type { Role } from './roles';

// What each role may do in the console. The API enforces the same rules (and scopes records
// to the user's area); this map only keeps the UI from offering what would be refused. Case
// actions (approve, re-check, …) follow the record's `allowedActions`, computed by the API.

type Rule = (role: Role, action: string) => boolean;

const readOnly = new Set(['list', 'show']);
const readable: Rule = (_role, action) => readOnly.has(action);
const submitters: readonly Role[] = ['caseworker', 'supervisor'];
const standardSetters: readonly Role[] = ['district_approver', 'admin'];
const importers: readonly Role[] = ['supervisor', 'admin', 'district_approver'];

const policy: Record<string, Rule> = {
  users: (role) => role === 'admin',
  'org-units': readable,
  'audit-events': readable,
  applications: (role, action) =>
    readOnly.has(action) || ((action === 'create' || action === 'withdraw') && submitters.includes(role)),
  enrollments: readable,
  households: readable,
  'allowance-standards': (role, action) => readOnly.has(action) || (action === 'create' && standardSetters.includes(role)),
  // The upload page is the resource's list route.
  imports: (role, action) => action === 'list' && importers.includes(role),
};

export function isAllowed(role: Role | undefined, resource: string, action: string): boolean {
  const rule = policy[resource];
  return !!role && !!rule && rule(role, action);
}
