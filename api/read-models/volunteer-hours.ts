import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import { volunteerHoursFilters, type volunteerHoursSchema } from '../../contract/volunteer-hours.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Hours entries: a team leader sees those of his own teams' activities, others those of the
// volunteers in their area.

type Row = DbRow;
export type VolunteerHours = z.infer<typeof volunteerHoursSchema>;

const toApi = (r: Row): VolunteerHours => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  volunteerName: r.volunteer_name,
  activityId: r.activity_id,
  title: r.title,
  teamId: r.team_id,
  teamName: r.team_name,
  minutes: r.minutes,
  status: r.status,
  loggedAt: r.logged_at.toISOString(),
  loggedBy: r.logged_by_name ?? null,
  decidedBy: r.decided_by_name ?? null,
  decidedAt: r.decided_at?.toISOString() ?? null,
  reason: r.reason,
});

export const volunteerHoursListSpec: ListSpec<Row> = {
  resource: 'volunteer-hours',
  idColumn: 'h.id',
  sortable: { id: 'h.id', loggedAt: 'h.logged_at', minutes: 'h.minutes', status: 'h.status', volunteerName: 'v.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: filter(volunteerHoursFilters.status, (qb, v) => qb.where('h.status', v)),
    teamId: filter(volunteerHoursFilters.teamId, (qb, v) => qb.where('a.team_id', v)),
    activityId: filter(volunteerHoursFilters.activityId, (qb, v) => qb.where('h.activity_id', v)),
    volunteerId: filter(volunteerHoursFilters.volunteerId, (qb, v) => qb.where('h.volunteer_id', v)),
  },
  toApi,
};

function hoursBaseQuery(db: Knex) {
  return db('volunteer_hours as h')
    .join('volunteers as v', 'v.id', 'h.volunteer_id')
    .join('volunteer_activities as a', 'a.id', 'h.activity_id')
    .join('volunteer_teams as t', 't.id', 'a.team_id')
    .leftJoin('users as lu', 'lu.id', 'h.logged_by')
    .leftJoin('users as du', 'du.id', 'h.decided_by')
    .select(
      'h.*',
      'v.name as volunteer_name',
      'v.workflow_id',
      'a.title',
      'a.team_id',
      't.name as team_name',
      't.leader_user_id',
      'lu.display_name as logged_by_name',
      'du.display_name as decided_by_name',
    );
}

/** A team leader sees the hours of his teams' activities; others those of volunteers in their area. */
export const visibleHours = (db: Knex, user: AuthUser) =>
  user.role === 'team_leader'
    ? hoursBaseQuery(db).where('t.leader_user_id', user.id)
    : scopeToUser(db, hoursBaseQuery(db), user, 'v.community_id');

/** The workflow that decides an entry the user may see; 404 for any other. */
export async function hoursWorkflowId(db: Knex, user: AuthUser, hoursId: number): Promise<string> {
  const row = await visibleHours(db, user).where('h.id', hoursId).first();
  if (!row) throw new NotFoundError('工时记录不存在或不在您的范围 (no such hours entry for you)');
  return row.workflow_id;
}

/** One entry as it stands, e.g. after its decision. */
export async function hoursEntry(db: Knex, hoursId: number): Promise<VolunteerHours> {
  return toApi(await hoursBaseQuery(db).where('h.id', hoursId).first());
}
