import type { Knex } from 'knex';
import type { AuthUser } from '../http/types.js';
import { scopeToUser, seesWholeDistrict } from '../scope.js';

// For each area-scoped resource, the ids of the records a user may see. The route registry
// asks it before any handler runs on /:id (outside → 404, before the body is even read), and
// the access matrix test compares every list's rows and totals with it.

export type VisibleIds = (db: Knex, user: AuthUser) => Knex.QueryBuilder;

const inArea =
  (table: string, column = 'community_id'): VisibleIds =>
  (db, user) =>
    scopeToUser(db, db(table).select(`${table}.id`), user, `${table}.${column}`);

const inAreaVia =
  (from: string, joins: [string, string, string][], column: string): VisibleIds =>
  (db, user) => {
    const q = db(from).select(`${from.split(' as ')[1] ?? from}.id`);
    for (const [table, left, right] of joins) q.join(table, left, right);
    return scopeToUser(db, q, user, column);
  };

const underUser = (db: Knex, user: AuthUser) => db('org_units').select('id').where('path', 'like', `${user.orgPath}%`);

export const visibleRecords: Record<string, VisibleIds> = {
  applications: inArea('applications'),
  households: inArea('households'),
  enrollments: inArea('enrollments'),
  payments: inArea('payments'),
  'casework-tasks': inArea('casework_tasks'),
  referrals: inArea('referrals'),
  'job-seekers': inArea('job_seekers'),
  helpers: inArea('helpers'),
  placements: inArea('placements'),
  volunteers: inArea('volunteers'),
  'volunteer-teams': inArea('volunteer_teams'),
  'volunteer-activities': inAreaVia(
    'volunteer_activities as a',
    [['volunteer_teams as t', 't.id', 'a.team_id']],
    't.community_id',
  ),
  'volunteer-assignments': inAreaVia(
    'volunteer_assignments as x',
    [['volunteers as v', 'v.id', 'x.volunteer_id']],
    'v.community_id',
  ),
  // A team leader confirms the hours of his own teams' activities, wherever the volunteer lives.
  'home-visits': inArea('home_visits'),
  'volunteer-hours': (db, user) =>
    user.role === 'team_leader'
      ? db('volunteer_hours as h')
          .join('volunteer_activities as a', 'a.id', 'h.activity_id')
          .join('volunteer_teams as t', 't.id', 'a.team_id')
          .where('t.leader_user_id', user.id)
          .select('h.id')
      : inAreaVia('volunteer_hours as h', [['volunteers as v', 'v.id', 'h.volunteer_id']], 'v.community_id')(db, user),
  'team-leaders': (db, user) =>
    scopeToUser(
      db,
      db('users').where({ role: 'team_leader', active: true }).select('users.id'),
      user,
      'users.org_unit_id',
    ),
  // An enterprise's list spans communities: a batch is seen by whoever has one of its people.
  'referral-batches': (db, user) =>
    seesWholeDistrict(user)
      ? db('referral_batches').select('referral_batches.id')
      : db('referral_batches as b')
          .select('b.id')
          .whereExists(
            db('referrals as r').whereRaw('r.batch_id = b.id').whereIn('r.community_id', underUser(db, user)),
          ),
  // The map is not private: streets and towns are seen by all, other communities are not.
  'org-units': (db, user) =>
    seesWholeDistrict(user)
      ? db('org_units').select('org_units.id')
      : db('org_units')
          .select('org_units.id')
          .where((w) => w.where('path', 'like', `${user.orgPath}%`).orWhereIn('kind', ['district', 'street', 'town'])),
  // What was addressed to her role in her area.
  notifications: (db, user) =>
    scopeToUser(
      db,
      db('notifications').where('notifications.audience_role', user.role).select('notifications.id'),
      user,
      'notifications.org_unit_id',
    ),
  // Events without an org unit (district staff signing in, the system) are district-level.
  'audit-events': (db, user) =>
    seesWholeDistrict(user)
      ? db('audit_events').select('audit_events.id')
      : scopeToUser(db, db('audit_events').select('audit_events.id'), user, 'audit_events.org_unit_id'),
};

/** Whether record `id` of `resource` is one the user may see; resources without an entry are not area-scoped by record. */
export async function recordVisible(db: Knex, resource: string, id: number, user: AuthUser): Promise<boolean> {
  const visible = Object.hasOwn(visibleRecords, resource) ? visibleRecords[resource] : undefined;
  if (!visible) return true;
  return Boolean(await db.from(visible(db, user).as('v')).where('v.id', id).first('v.id'));
}
