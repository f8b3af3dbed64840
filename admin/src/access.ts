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
// Monthly disbursement: a run spans every street, so only district roles read runs.
const districtRoles: readonly Role[] = ['finance', 'supervisor', 'district_approver', 'admin'];
const runStarters: readonly Role[] = ['finance', 'supervisor'];
const scheduleKeepers: readonly Role[] = ['finance', 'supervisor', 'admin'];
// Job placement: caseworkers and supervisors run referrals; openings are kept by whoever
// meets the employers (community, street, supervisor).
const referralWorkers: readonly Role[] = ['caseworker', 'supervisor'];
const openingKeepers: readonly Role[] = ['caseworker', 'street_reviewer', 'supervisor'];
// Volunteers: caseworkers and supervisors register them and keep teams and activities (the
// volunteer's own steps follow her `allowedActions`); a team leader confirms the hours of his
// teams' activities, as caseworkers and supervisors may too.
const volunteerWorkers: readonly Role[] = ['caseworker', 'supervisor'];
const hoursConfirmers: readonly Role[] = ['team_leader', 'caseworker', 'supervisor'];
// A team leader is not bureau staff: he sees the volunteer pages only (and the org units they name, and his bell).
const teamLeaderResources = new Set(['volunteers', 'volunteer-teams', 'volunteer-activities', 'volunteer-hours', 'volunteer-coverage', 'org-units', 'notifications']);
// Stuck workflows: the supervisor acts on them; the district approver and the admin only look.
const workflowReaders: readonly Role[] = ['supervisor', 'district_approver', 'admin'];
const workflowActions = new Set(['reassign', 'extend', 'remind', 'retry', 'terminate']);
const keptBy = (keepers: readonly Role[]): Rule => (role, action) => readOnly.has(action) || ((action === 'create' || action === 'edit') && keepers.includes(role));

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
  // Sign-off, re-check, download follow the run's `allowedActions`.
  'disbursement-runs': (role, action) => (readOnly.has(action) && districtRoles.includes(role)) || (action === 'create' && runStarters.includes(role)),
  // Everyone reads the lines of her area; only finance re-issues or carries a failed one.
  payments: (role, action) => readOnly.has(action) || ((action === 'reissue' || action === 'carry') && role === 'finance'),
  // The schedule page is the resource's list route.
  'disbursement-schedule': (role, action) => (action === 'list' && districtRoles.includes(role)) || ((action === 'pause' || action === 'resume') && scheduleKeepers.includes(role)),
  // A referral's steps follow its `allowedActions`; referrals arrive with a batch.
  referrals: readable,
  'referral-batches': (role, action) => readOnly.has(action) || (action === 'create' && referralWorkers.includes(role)),
  'job-seekers': readable,
  employers: keptBy(openingKeepers),
  'job-openings': keptBy(openingKeepers),
  placements: readable,
  // The report page is the resource's list route.
  'placement-report': (_role, action) => action === 'list',
  volunteers: (role, action) => readOnly.has(action) || (action === 'create' && volunteerWorkers.includes(role)),
  'volunteer-teams': (role, action) => readOnly.has(action) || ((action === 'create' || action === 'add_member') && volunteerWorkers.includes(role)),
  'volunteer-activities': (role, action) => readOnly.has(action) || (action === 'create' && volunteerWorkers.includes(role)),
  'volunteer-hours': (role, action) => readOnly.has(action) || ((action === 'confirm' || action === 'reject') && hoursConfirmers.includes(role)),
  // The coverage page is the resource's list route.
  'volunteer-coverage': (_role, action) => action === 'list',
  // Which of the actions a given workflow offers follows its `allowedActions`.
  workflows: (role, action) => (readOnly.has(action) && workflowReaders.includes(role)) || (workflowActions.has(action) && role === 'supervisor'),
  // Each user reads what was addressed to her role (the bell); not a menu entry.
  notifications: (_role, action) => action === 'list',
};

export function isAllowed(role: Role | undefined, resource: string, action: string): boolean {
  const rule = policy[resource];
  if (role === 'team_leader' && !teamLeaderResources.has(resource)) return false;
  return !!role && !!rule && rule(role, action);
}
