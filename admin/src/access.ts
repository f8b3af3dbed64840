import { mayDo } from '../../domain/access-policy';
import type { Role } from './roles';

// The console shows what the API's one policy (domain/access-policy.ts) allows, so it never
// offers what would be refused. Case steps (approve, re-check, …) follow each record's
// `allowedActions`, which the API computes from the record's stage as well.

// Pages whose react-admin name differs from the API action they stand for.
const pageActions: Record<string, Record<string, string>> = {
  imports: { list: 'create' }, // the upload page
  'volunteer-teams': { add_member: 'members' },
};

export function isAllowed(role: Role | undefined, resource: string, action: string): boolean {
  return mayDo(role, resource, pageActions[resource]?.[action] ?? action);
}
