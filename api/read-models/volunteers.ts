import type { DbRow } from '../../db/row.js';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { ageOn } from '../../domain/id-number.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { hoursOf } from '../../domain/stars.js';
import { allowedVolunteerActions } from '../../domain/volunteer-rules.js';
import { closedVolunteerStages, type Suitability, type VolunteerStage } from '../../domain/volunteer-stages.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import { volunteerFilters, type volunteerDetailSchema } from '../../contract/volunteers.js';
import { timelineOf } from './decisions.js';
import { whereNameOrIdNumber } from './members.js';

// The volunteer as lists and pages read her: the projection her workflow keeps, scoped to the
// reader's area (a team leader sees his community).

export type VolunteerRow = DbRow & { id: number; stage: VolunteerStage; suitability: Suitability };

export type VolunteerDetail = z.infer<typeof volunteerDetailSchema>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toApi = (r: VolunteerRow) => {
  const age = ageOn(String(r.birth_date), shanghaiDate(new Date()));
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: r.id_number_masked,
    age,
    phone: r.phone,
    communityId: r.community_id,
    communityName: r.community_name,
    streetId: r.street_id,
    streetName: r.street_name,
    skills: r.skills,
    availability: r.availability,
    partyMember: r.party_member,
    minor: age < 18,
    guardianName: r.guardian_name,
    servesVulnerable: r.serves_vulnerable,
    suitability: r.suitability,
    stage: r.stage,
    stageSince: r.stage_since.toISOString(),
    confirmedHours: hoursOf(Number(r.confirmed_minutes)),
    starLevel: r.star_level,
    lastHoursAt: iso(r.last_hours_at),
    reconfirmDueAt: iso(r.reconfirm_due_at),
    reminderDue: r.reminder_due,
    workflowId: r.workflow_id,
    createdAt: r.created_at.toISOString(),
  };
};

export function volunteerListSpec(user: AuthUser): ListSpec<VolunteerRow> {
  return {
    resource: 'volunteers',
    idColumn: 'v.id',
    sortable: {
      id: 'v.id',
      name: 'v.name',
      createdAt: 'v.created_at',
      stage: 'v.stage',
      confirmedHours: 'v.confirmed_minutes',
      starLevel: 'v.star_level',
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      stage: filter(volunteerFilters.stage, (qb, v) => qb.whereIn('v.stage', ([] as string[]).concat(v))),
      communityId: filter(volunteerFilters.communityId, (qb, v) => qb.where('v.community_id', v)),
      streetId: filter(volunteerFilters.streetId, (qb, v) => qb.where('v.street_id', v)),
      starLevel: filter(volunteerFilters.starLevel, (qb, v) => qb.where('v.star_level', v)),
      suitability: filter(volunteerFilters.suitability, (qb, v) => qb.where('v.suitability', v)),
      // Waiting on a caseworker: approval, a registry that did not answer, a re-confirmation.
      myQueue: filter(volunteerFilters.myQueue, (qb, v) => {
        if (!v) return;
        if (user.role === 'team_leader')
          qb.whereExists((e) =>
            e
              .select(1)
              .from('volunteer_hours as h')
              .join('volunteer_activities as a', 'a.id', 'h.activity_id')
              .join('volunteer_teams as t', 't.id', 'a.team_id')
              .whereRaw('h.volunteer_id = v.id')
              .where({ 'h.status': 'pending', 't.leader_user_id': user.id }),
          );
        else
          qb.where((w) =>
            w
              .whereIn('v.stage', ['approval', 'reconfirm_due'])
              .orWhere((s) => s.where('v.stage', 'screening').where('v.suitability', 'error')),
          );
      }),
      q: filter(volunteerFilters.q, (qb, v) => whereNameOrIdNumber(qb, 'v', 'v.name', v)),
    },
    toApi,
  };
}

export function volunteerBaseQuery(db: Knex) {
  return db('volunteers as v')
    .join('org_units as c', 'c.id', 'v.community_id')
    .join('org_units as s', 's.id', 'v.street_id')
    .select('v.*', 'c.name as community_name', 's.name as street_name');
}

/** The volunteers of the user's area, for the list. */
export const visibleVolunteers = (db: Knex, user: AuthUser) =>
  scopeToUser(db, volunteerBaseQuery(db), user, 'v.community_id');

export async function findVolunteer(db: Knex, user: AuthUser, volunteerId: number): Promise<VolunteerRow> {
  const row = await scopeToUser(db, volunteerBaseQuery(db).where('v.id', volunteerId), user, 'v.community_id').first();
  if (!row) throw new NotFoundError('志愿者不存在或不在您的辖区 (no such volunteer in your area)');
  return row;
}

/** The volunteer a step acts on: her registration must still be open (409 once it has ended). */
export async function findOpenVolunteer(db: Knex, user: AuthUser, volunteerId: number): Promise<VolunteerRow> {
  const row = await findVolunteer(db, user, volunteerId);
  if (closedVolunteerStages.includes(row.stage))
    throw new ConflictError(`志愿者登记已结束（${row.stage}）(registration closed)`);
  return row;
}

export async function volunteerDetail(
  db: Knex,
  user: AuthUser,
  idOrRow: number | VolunteerRow,
): Promise<VolunteerDetail> {
  const row = typeof idOrRow === 'number' ? await findVolunteer(db, user, idOrRow) : idOrRow;
  const [teams, assignments, hours, recognitions, decisions] = await Promise.all([
    db('team_members as m')
      .join('volunteer_teams as t', 't.id', 'm.team_id')
      .where('m.volunteer_id', row.id)
      .orderBy('t.id')
      .select('t.id', 't.name', 't.kind'),
    db('volunteer_assignments as s')
      .join('volunteer_activities as a', 'a.id', 's.activity_id')
      .join('volunteer_teams as t', 't.id', 'a.team_id')
      .leftJoin('volunteer_hours as h', 'h.assignment_id', 's.id')
      .where('s.volunteer_id', row.id)
      .orderBy('a.starts_at', 'desc')
      .select(
        's.id',
        's.activity_id',
        's.status',
        'a.title',
        'a.starts_at',
        'a.ends_at',
        'a.place',
        't.name as team_name',
        'h.id as hours_id',
        'h.status as hours_status',
        'h.minutes',
      ),
    db('volunteer_hours as h')
      .join('volunteer_activities as a', 'a.id', 'h.activity_id')
      .leftJoin('users as u', 'u.id', 'h.decided_by')
      .where('h.volunteer_id', row.id)
      .orderBy('h.id', 'desc')
      .select('h.*', 'a.title', 'u.display_name as decided_by_name'),
    db('volunteer_recognitions').where({ volunteer_id: row.id }).orderBy('level'),
    timelineOf(db, row.id, 'volunteer_events', 'volunteer_id'),
  ]);
  return {
    ...toApi(row),
    teams,
    assignments: assignments.map((s) => ({
      id: s.id,
      activityId: s.activity_id,
      title: s.title,
      teamName: s.team_name,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      place: s.place,
      status: s.status,
      hoursId: s.hours_id,
      hoursStatus: s.hours_status,
      minutes: s.minutes,
    })),
    hours: hours.map((h) => ({
      id: h.id,
      activityId: h.activity_id,
      title: h.title,
      minutes: h.minutes,
      status: h.status,
      loggedAt: h.logged_at.toISOString(),
      decidedBy: h.decided_by_name ?? null,
      decidedAt: iso(h.decided_at),
      reason: h.reason,
    })),
    recognitions: recognitions.map((r) => ({
      level: r.level,
      reachedAt: r.reached_at.toISOString(),
      confirmedHours: hoursOf(Number(r.confirmed_minutes)),
    })),
    decisions,
    closedReason: row.closed_reason,
    allowedActions: allowedVolunteerActions(row, user.role),
  };
}
