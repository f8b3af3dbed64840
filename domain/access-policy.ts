import { districtWideRoles, roles, type Role } from './roles.js';

// Who may do what, to which records: the one policy. The API's route registry looks every
// route up here (a route without an entry fails at start-up) and refuses other roles with 403;
// the console reads the same table to show or hide menus and buttons; the README prints it.
//
// Scope says which records an allowed role reaches:
//   area     — records of her own org unit and below (district roles: the whole district);
//              a record outside is 404, as if it did not exist, and lists never count it
//   district — district-level records; only district-wide roles hold such grants
//   own      — what is hers alone: her session, her notifications
//   all      — reference data every holder of the grant reads alike (streets, employers, standards)
export type Scope = 'area' | 'district' | 'own' | 'all';

export interface Grant {
  roles: readonly Role[];
  scope: Scope;
}

const everyone: readonly Role[] = roles;
// Volunteer team leaders are not bureau staff: they see volunteer work only.
const staff: readonly Role[] = roles.filter((r) => r !== 'team_leader');
const district: readonly Role[] = districtWideRoles;
const caseHands: readonly Role[] = ['caseworker', 'supervisor'];
const deciders: readonly Role[] = ['caseworker', 'street_reviewer', 'district_approver', 'supervisor'];
const openingKeepers: readonly Role[] = ['caseworker', 'street_reviewer', 'supervisor'];
const hoursConfirmers: readonly Role[] = ['team_leader', 'caseworker', 'supervisor'];
const scheduleKeepers: readonly Role[] = ['finance', 'supervisor', 'admin'];
const workflowReaders: readonly Role[] = ['supervisor', 'district_approver', 'admin'];
const supervisor: readonly Role[] = ['supervisor'];
const finance: readonly Role[] = ['finance'];
const approver: readonly Role[] = ['district_approver'];

const g = (roles: readonly Role[], scope: Scope): Grant => ({ roles, scope });
const read = (roles: readonly Role[], scope: Scope) => ({ list: g(roles, scope), show: g(roles, scope) });
const each = (actions: readonly string[], grant: Grant) => Object.fromEntries(actions.map((a) => [a, grant]));

/** resource → action → grant. Actions are named by the route: see `routeAccess`. */
export const accessPolicy: Record<string, Record<string, Grant>> = {
  auth: { me: g(everyone, 'own'), logout: g(everyone, 'own'), password: g(everyone, 'own') },
  openapi: { list: g(everyone, 'all') },
  dashboard: { list: g(everyone, 'area') },
  'org-units': read(everyone, 'area'),
  users: { ...read(['admin'], 'district'), ...each(['create', 'edit', 'delete'], g(['admin'], 'district')) },
  'audit-events': read(staff, 'area'),
  notifications: { list: g(everyone, 'own'), read: g(everyone, 'own'), 'read-all': g(everyone, 'own') },

  // Minimum living allowance
  applications: {
    ...read(staff, 'area'),
    create: g(caseHands, 'area'),
    decisions: g(deciders, 'area'),
    objections: g(caseHands, 'area'),
    withdraw: g(caseHands, 'area'),
    'income-decision': g(['caseworker', 'district_approver'], 'area'),
    reveal: g(deciders, 'area'),
  },
  households: { ...read(staff, 'area'), reveal: g(deciders, 'area'), 'care-flags': g(['caseworker'], 'area') },
  enrollments: {
    ...read(staff, 'area'),
    ...each(['rechecks', 'changes'], g(['caseworker', 'district_approver'], 'area')),
    ...each(['suspend', 'resume', 'terminate'], g(approver, 'area')),
  },
  'allowance-standards': { list: g(staff, 'all'), create: g(['district_approver', 'admin'], 'district') },
  // Set like the standards, by whoever sets the standards.
  'employment-income-rules': { list: g(staff, 'all'), create: g(['district_approver', 'admin'], 'district') },
  // Tasks that are not a case stage: the community's caseworkers (and supervisors) complete them.
  'casework-tasks': { ...read(staff, 'area'), done: g(caseHands, 'area') },
  imports: { create: g(['supervisor', 'admin', 'district_approver'], 'district') },

  // Monthly disbursement: a run spans every street, so only district roles hold runs.
  'disbursement-runs': {
    ...read(district, 'district'),
    create: g(['finance', 'supervisor'], 'district'),
    ...each(['approve', 'reject', 'close'], g(finance, 'district')),
    recheck: g(supervisor, 'district'),
    'bank-file': g(['finance', 'supervisor'], 'district'),
  },
  payments: { ...read(staff, 'area'), ...each(['reissue', 'carry', 'reveal'], g(finance, 'area')) },
  'disbursement-schedule': {
    list: g([...scheduleKeepers, 'district_approver'], 'district'),
    ...each(['pause', 'resume'], g(scheduleKeepers, 'district')),
  },

  // Laid-off worker referral → placement
  referrals: {
    ...read(staff, 'area'),
    ...each(['assess', 'rematch', 'propose', 'respond', 'outcome', 'follow-ups', 'withdraw'], g(caseHands, 'area')),
  },
  'referral-batches': { ...read(staff, 'area'), create: g(caseHands, 'area') },
  enterprises: { list: g(staff, 'all'), create: g(caseHands, 'all') },
  helpers: { list: g(staff, 'area') },
  'job-seekers': { ...read(staff, 'area'), reveal: g(caseHands, 'area') },
  employers: { ...read(staff, 'all'), create: g(openingKeepers, 'all') },
  'job-openings': { ...read(staff, 'all'), ...each(['create', 'edit'], g(openingKeepers, 'all')) },
  placements: { list: g(staff, 'area') },
  'placement-report': { list: g(staff, 'area') },

  // Volunteers
  volunteers: {
    ...read(everyone, 'area'),
    ...each(
      [
        'create',
        'approve',
        'reject',
        'rescreen',
        'reconfirm',
        'deactivate',
        'reactivate',
        'sign-ups',
        'hours',
        'reveal',
      ],
      g(caseHands, 'area'),
    ),
  },
  'volunteer-hours': { list: g(everyone, 'area'), ...each(['confirm', 'reject'], g(hoursConfirmers, 'area')) },
  'volunteer-teams': { ...read(everyone, 'area'), ...each(['create', 'members'], g(caseHands, 'area')) },
  'team-leaders': { list: g(everyone, 'area') },
  // A team leader plans her own teams' activities (the command checks the team is hers).
  'volunteer-activities': { ...read(everyone, 'area'), create: g([...caseHands, 'team_leader'], 'area') },
  'volunteer-assignments': { list: g(everyone, 'area') },
  'volunteer-coverage': { list: g(everyone, 'area') },
  // Visits to flagged households: whoever confirms a volunteer's hours records her visit.
  'home-visits': { ...read(everyone, 'area'), records: g(hoursConfirmers, 'area') },

  // Stuck workflows: the supervisor acts on them; the district approver and the admin only look.
  workflows: {
    ...read(workflowReaders, 'district'),
    ...each(['assignees', 'reassign', 'extend', 'remind', 'retry', 'terminate'], g(supervisor, 'district')),
  },
};

export function grantFor(resource: string, action: string): Grant | undefined {
  const actions = Object.hasOwn(accessPolicy, resource) ? accessPolicy[resource] : undefined;
  return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
}

export function mayDo(role: Role | undefined, resource: string, action: string): boolean {
  return !!role && !!grantFor(resource, action)?.roles.includes(role);
}

/**
 * The resource and action a route stands for, read from its method and path:
 * GET /api/x → list, GET /api/x/:id → show, POST /api/x → create, PUT /api/x/:id → edit,
 * DELETE /api/x/:id → delete, and a last segment names its own action
 * (POST /api/x/:id/withdraw → withdraw, GET /api/x/:id/bank-file → bank-file, POST /api/x/read-all → read-all).
 */
export function routeAccess(method: string, path: string): { resource: string; action: string } {
  const [resource, ...rest] = path
    .replace(/^\/api\//, '')
    .replace(/\.json$/, '')
    .split('/');
  const m = method.toLowerCase();
  const last = rest.at(-1);
  if (last !== undefined && !last.startsWith(':')) return { resource, action: last };
  if (last === undefined) return { resource, action: m === 'get' ? 'list' : 'create' };
  return { resource, action: m === 'get' ? 'show' : m === 'put' ? 'edit' : m === 'delete' ? 'delete' : m };
}
