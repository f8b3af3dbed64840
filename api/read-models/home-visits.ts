import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import { homeVisitFilters as f, type homeVisitSchema, type householdCareSchema } from '../../contract/home-visits.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Planned home visits of flagged households, with what each volunteer recorded, scoped to the
// reader's area by the household's community; and what a visit record needs before it is sent
// to the volunteer's workflow.

export type HomeVisit = z.infer<typeof homeVisitSchema>;
export type HouseholdCare = z.infer<typeof householdCareSchema>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A household row's flags and plan, as its page shows them. */
export const householdCare = (r: DbRow): HouseholdCare => ({
  flags: r.care_flags ?? [],
  since: iso(r.care_flags_since),
  nextVisitDueAt: iso(r.visit_next_due_at),
});

const toApi = (r: DbRow): HomeVisit => ({
  id: r.id,
  householdId: r.household_id,
  headName: r.head_name,
  address: r.address,
  communityId: r.community_id,
  communityName: r.community_name,
  activityId: r.activity_id,
  activityTitle: r.activity_title,
  teamId: r.team_id,
  teamName: r.team_name,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  placesTotal: r.places_total,
  placesLeft: r.places_left,
  servesVulnerable: r.serves_vulnerable,
  flags: r.flags,
  dueAt: r.due_at.toISOString(),
  recordBy: r.record_by.toISOString(),
  status: r.status,
  missedStreak: r.missed_streak,
  records: (r.records as DbRow[]).map((x) => ({
    id: x.id,
    volunteerId: x.volunteer_id,
    volunteerName: x.volunteer_name,
    outcome: x.outcome,
    concernKind: x.concern_kind,
    note: x.note,
    minutes: x.minutes,
    hoursStatus: x.hours_status,
    taskId: x.task_id === null ? null : Number(x.task_id),
    recordedBy: x.recorded_by_name,
    recordedAt: new Date(x.recorded_at).toISOString(),
  })),
});

export const homeVisitListSpec: ListSpec<DbRow> = {
  resource: 'home-visits',
  idColumn: 'hv.id',
  sortable: { id: 'hv.id', dueAt: 'hv.due_at', startsAt: 'a.starts_at', status: 'hv.status' },
  defaultSort: ['dueAt', 'DESC'],
  filters: {
    householdId: filter(f.householdId, (qb, v) => qb.where('hv.household_id', v)),
    activityId: filter(f.activityId, (qb, v) => qb.where('hv.activity_id', v)),
    communityId: filter(f.communityId, (qb, v) => qb.where('hv.community_id', v)),
    status: filter(f.status, (qb, v) => qb.where('hv.status', v)),
  },
  toApi,
};

function homeVisitBaseQuery(db: Knex) {
  return db('home_visits as hv')
    .join('households as h', 'h.id', 'hv.household_id')
    .join('org_units as c', 'c.id', 'hv.community_id')
    .join('volunteer_activities as a', 'a.id', 'hv.activity_id')
    .join('volunteer_teams as t', 't.id', 'a.team_id')
    .select(
      'hv.*',
      'h.head_name',
      'h.address',
      'c.name as community_name',
      'a.title as activity_title',
      'a.team_id',
      'a.starts_at',
      'a.ends_at',
      'a.places_total',
      'a.places_left',
      'a.serves_vulnerable',
      't.name as team_name',
      db.raw(
        `COALESCE((SELECT json_agg(json_build_object(
            'id', r.id, 'volunteer_id', r.volunteer_id, 'volunteer_name', v.name, 'outcome', r.outcome,
            'concern_kind', r.concern_kind, 'note', r.note, 'minutes', r.minutes, 'hours_status', vh.status,
            'task_id', r.task_id, 'recorded_by_name', u.display_name, 'recorded_at', r.recorded_at) ORDER BY r.id)
          FROM visit_records r
          JOIN volunteers v ON v.id = r.volunteer_id
          LEFT JOIN volunteer_hours vh ON vh.assignment_id = r.assignment_id
          LEFT JOIN users u ON u.id = r.recorded_by
          WHERE r.home_visit_id = hv.id), '[]'::json) AS records`,
      ),
    );
}

/** The planned visits of households in the user's area. */
export const visibleHomeVisits = (db: Knex, user: AuthUser) =>
  scopeToUser(db, homeVisitBaseQuery(db), user, 'hv.community_id');

const notFound = () => new NotFoundError('探访计划不存在或不在您的辖区');

export async function homeVisitDetail(db: Knex, user: AuthUser, id: number): Promise<HomeVisit> {
  const row = await visibleHomeVisits(db, user).where('hv.id', id).first();
  if (!row) throw notFound();
  return toApi(row);
}

/**
 * The volunteer workflow a visit record goes to. A team leader records the visits of his own
 * teams only, as he confirms only their hours; the volunteer must be signed up for the visit.
 */
export async function visitRecordTarget(
  db: Knex,
  user: AuthUser,
  homeVisitId: number,
  volunteerId: number,
): Promise<{ workflowId: string }> {
  const visit = await scopeToUser(
    db,
    db('home_visits as hv').join('volunteer_activities as a', 'a.id', 'hv.activity_id').where('hv.id', homeVisitId),
    user,
    'hv.community_id',
  )
    .join('volunteer_teams as t', 't.id', 'a.team_id')
    .first('hv.activity_id', 't.leader_user_id');
  if (!visit) throw notFound();
  if (user.role === 'team_leader' && visit.leader_user_id !== user.id)
    throw new ForbiddenError('只能记录本人所带服务队的探访');
  const signedUp = await db('volunteer_assignments as s')
    .join('volunteers as v', 'v.id', 's.volunteer_id')
    .where({ 's.activity_id': visit.activity_id, 's.volunteer_id': volunteerId, 's.status': 'assigned' })
    .first('v.workflow_id');
  if (!signedUp) throw new ValidationError('该志愿者未报名这次探访', { volunteerId: '未报名这次探访' });
  return { workflowId: signedUp.workflow_id };
}
