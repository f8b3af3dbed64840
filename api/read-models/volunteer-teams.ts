import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import {
  teamLeaderFilters,
  volunteerTeamFilters,
  type volunteerTeamDetailSchema,
} from '../../contract/volunteer-teams.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Volunteer teams (志愿服务队) of a community, their leader and members; and the team leader
// accounts a team's leader is chosen from.

type TeamRow = DbRow;
export type VolunteerTeamDetail = z.infer<typeof volunteerTeamDetailSchema>;

const toApi = (r: TeamRow) => ({
  id: r.id,
  name: r.name,
  communityId: r.community_id,
  communityName: r.community_name,
  kind: r.kind,
  leaderUserId: r.leader_user_id,
  leaderName: r.leader_name,
  members: Number(r.members),
  activities: Number(r.activities),
});

export const volunteerTeamListSpec: ListSpec<TeamRow> = {
  resource: 'volunteer-teams',
  idColumn: 't.id',
  sortable: { id: 't.id', name: 't.name', communityName: 'c.name', kind: 't.kind' },
  defaultSort: ['id', 'ASC'],
  filters: {
    communityId: filter(volunteerTeamFilters.communityId, (qb, v) => qb.where('t.community_id', v)),
    kind: filter(volunteerTeamFilters.kind, (qb, v) => qb.where('t.kind', v)),
    q: filter(volunteerTeamFilters.q, (qb, v) => qb.whereILike('t.name', containing(v))),
    leaderUserId: filter(volunteerTeamFilters.leaderUserId, (qb, v) => qb.where('t.leader_user_id', v)),
  },
  toApi,
};

function teamBaseQuery(db: Knex) {
  return db('volunteer_teams as t')
    .join('org_units as c', 'c.id', 't.community_id')
    .leftJoin('users as u', 'u.id', 't.leader_user_id')
    .select(
      't.*',
      'c.name as community_name',
      'u.display_name as leader_name',
      db.raw('(SELECT count(*) FROM team_members m WHERE m.team_id = t.id) AS members'),
      db.raw('(SELECT count(*) FROM volunteer_activities a WHERE a.team_id = t.id) AS activities'),
    );
}

/** The teams of the user's area, for the list. */
export const visibleTeams = (db: Knex, user: AuthUser) => scopeToUser(db, teamBaseQuery(db), user, 't.community_id');

/** One team of the user's area with its members; 404 outside it. */
export async function volunteerTeamDetail(db: Knex, user: AuthUser, teamId: number): Promise<VolunteerTeamDetail> {
  const row = await scopeToUser(db, teamBaseQuery(db).where('t.id', teamId), user, 't.community_id').first();
  if (!row) throw new NotFoundError('服务队不存在或不在您的辖区 (no such team in your area)');
  const members = await db('team_members as m')
    .join('volunteers as v', 'v.id', 'm.volunteer_id')
    .where('m.team_id', teamId)
    .orderBy('v.id')
    .select('v.id', 'v.name', 'v.stage', 'v.star_level');
  return {
    ...toApi(row),
    memberList: members.map((m) => ({ volunteerId: m.id, name: m.name, stage: m.stage, starLevel: m.star_level })),
  };
}

type LeaderRow = { id: number; username: string; display_name: string; org_unit_id: number; org_unit_name: string };

export const teamLeaderListSpec: ListSpec<LeaderRow> = {
  resource: 'team-leaders',
  idColumn: 'u.id',
  sortable: { id: 'u.id', displayName: 'u.display_name' },
  defaultSort: ['id', 'ASC'],
  filters: { orgUnitId: filter(teamLeaderFilters.orgUnitId, (qb, v) => qb.where('u.org_unit_id', v)) },
  toApi: (r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
  }),
};

/** Active team leader accounts of the user's area. */
export const visibleTeamLeaders = (db: Knex, user: AuthUser) =>
  scopeToUser(
    db,
    db('users as u')
      .join('org_units as o', 'o.id', 'u.org_unit_id')
      .where({ 'u.role': 'team_leader', 'u.active': true })
      .select('u.id', 'u.username', 'u.display_name', 'u.org_unit_id', 'o.name as org_unit_name'),
    user,
    'u.org_unit_id',
  );
