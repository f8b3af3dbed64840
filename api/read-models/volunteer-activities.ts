import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import {
  volunteerActivityFilters,
  volunteerAssignmentFilters,
  type activityAssignmentSchema,
  type volunteerActivitySchema,
} from '../../contract/volunteer-activities.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Activities of the teams, with their places, and who is assigned to them. Places are taken
// only by sign-ups (in the volunteer workflow's activity, guarded by places_left > 0).

type Row = DbRow;
export type VolunteerActivity = z.infer<typeof volunteerActivitySchema>;

const toApi = (r: Row): VolunteerActivity => ({
  id: r.id,
  teamId: r.team_id,
  teamName: r.team_name,
  communityId: r.community_id,
  communityName: r.community_name,
  title: r.title,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  place: r.place,
  placesTotal: r.places_total,
  placesLeft: r.places_left,
  requiredSkills: r.required_skills,
  servesVulnerable: r.serves_vulnerable,
  status: r.status,
  assigned: r.places_total - r.places_left,
  homeVisitId: r.home_visit_id ?? null,
});

export const volunteerActivityListSpec: ListSpec<Row> = {
  resource: 'volunteer-activities',
  idColumn: 'a.id',
  sortable: { id: 'a.id', startsAt: 'a.starts_at', title: 'a.title', placesLeft: 'a.places_left', teamName: 't.name' },
  defaultSort: ['startsAt', 'DESC'],
  filters: {
    teamId: filter(volunteerActivityFilters.teamId, (qb, v) => qb.where('a.team_id', v)),
    communityId: filter(volunteerActivityFilters.communityId, (qb, v) => qb.where('t.community_id', v)),
    upcoming: filter(volunteerActivityFilters.upcoming, (qb, v) => qb.where('a.starts_at', v ? '>' : '<=', new Date())),
    hasPlaces: filter(volunteerActivityFilters.hasPlaces, (qb, v) =>
      v ? qb.where('a.places_left', '>', 0).where('a.status', 'open') : qb.where('a.places_left', 0),
    ),
    q: filter(volunteerActivityFilters.q, (qb, v) => qb.whereILike('a.title', containing(v))),
  },
  toApi,
};

function activityBaseQuery(db: Knex) {
  return db('volunteer_activities as a')
    .join('volunteer_teams as t', 't.id', 'a.team_id')
    .join('org_units as c', 'c.id', 't.community_id')
    .leftJoin('home_visits as hv', 'hv.activity_id', 'a.id')
    .select('a.*', 't.name as team_name', 't.community_id', 'c.name as community_name', 'hv.id as home_visit_id');
}

/** The activities of the teams in the user's area, for the list. */
export const visibleActivities = (db: Knex, user: AuthUser) =>
  scopeToUser(db, activityBaseQuery(db), user, 't.community_id');

/** One activity of the user's area; 404 outside it. */
export async function volunteerActivityDetail(
  db: Knex,
  user: AuthUser,
  activityId: number,
): Promise<VolunteerActivity> {
  const row = await scopeToUser(db, activityBaseQuery(db).where('a.id', activityId), user, 't.community_id').first();
  if (!row) throw new NotFoundError('活动不存在或不在您的辖区 (no such activity in your area)');
  return toApi(row);
}

/** One activity by id, wherever it is: the answer to the one who just created it. */
export async function volunteerActivityById(db: Knex, activityId: number): Promise<VolunteerActivity> {
  return toApi(await activityBaseQuery(db).where('a.id', activityId).first());
}

export const volunteerAssignmentListSpec: ListSpec<Row> = {
  resource: 'volunteer-assignments',
  idColumn: 's.id',
  sortable: { id: 's.id', startsAt: 'a.starts_at', volunteerName: 'v.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    activityId: filter(volunteerAssignmentFilters.activityId, (qb, v) => qb.where('s.activity_id', v)),
    volunteerId: filter(volunteerAssignmentFilters.volunteerId, (qb, v) => qb.where('s.volunteer_id', v)),
  },
  toApi: (r): z.infer<typeof activityAssignmentSchema> => ({
    id: r.id,
    activityId: r.activity_id,
    title: r.title,
    teamName: r.team_name,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    hoursStatus: r.hours_status ?? null,
  }),
};

/** Sign-ups of the volunteers in the user's area. */
export const visibleAssignments = (db: Knex, user: AuthUser) =>
  scopeToUser(
    db,
    db('volunteer_assignments as s')
      .join('volunteer_activities as a', 'a.id', 's.activity_id')
      .join('volunteer_teams as t', 't.id', 'a.team_id')
      .join('volunteers as v', 'v.id', 's.volunteer_id')
      .leftJoin('volunteer_hours as h', 'h.assignment_id', 's.id')
      .select(
        's.*',
        'a.title',
        'a.starts_at',
        'a.ends_at',
        't.name as team_name',
        'v.name as volunteer_name',
        'h.status as hours_status',
      ),
    user,
    'v.community_id',
  );
