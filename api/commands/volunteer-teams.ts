import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors.js';
import type { teamMemberBody, volunteerTeamCreateBody } from '../../contract/volunteer-teams.js';
import { volunteerTeamDetail, type VolunteerTeamDetail } from '../read-models/volunteer-teams.js';
import { scopeToUser, unitInScope } from '../scope.js';
import type { RequestActor } from './request-actor.js';

// Forming a team and adding volunteers to it; each answers with the team as it stands after.

export async function createVolunteerTeam(
  db: Knex,
  actor: RequestActor,
  body: z.output<typeof volunteerTeamCreateBody>,
): Promise<VolunteerTeamDetail> {
  const { user } = actor;
  const c = await db('org_units').where({ id: body.communityId }).first('kind');
  if (c?.kind !== 'community')
    throw new ValidationError('请选择社区 (choose a community)', {
      communityId: '请选择一个社区 (must be a community)',
    });
  if (!(await unitInScope(db, user, body.communityId)))
    throw new ForbiddenError('只能在本辖区建队 (community outside your area)');
  if (body.leaderUserId && (await db('users').where({ id: body.leaderUserId }).first('role'))?.role !== 'team_leader')
    throw new ValidationError('队长须为服务队负责人账号 (leader must be a team leader)', {
      leaderUserId: '须为服务队负责人账号 (must be a team leader)',
    });
  const id = await db.transaction(async (trx) => {
    if (await trx('volunteer_teams').where({ name: body.name }).first('id'))
      throw new ConflictError('队名已存在 (team name taken)');
    const [row] = await trx('volunteer_teams')
      .insert({
        name: body.name,
        community_id: body.communityId,
        kind: body.kind,
        leader_user_id: body.leaderUserId ?? null,
      })
      .returning('id');
    await writeAudit(trx, actor, {
      action: 'volunteer_team.create',
      entityType: 'volunteer_team',
      entityId: row.id,
      orgUnitId: body.communityId,
      after: body,
    });
    return row.id as number;
  });
  return volunteerTeamDetail(db, user, id);
}

/** Adds an active volunteer of the user's area; adding one already in the team changes nothing. */
export async function addTeamMember(
  db: Knex,
  actor: RequestActor,
  teamId: number,
  body: z.output<typeof teamMemberBody>,
): Promise<VolunteerTeamDetail> {
  const { user } = actor;
  const team = await volunteerTeamDetail(db, user, teamId);
  const v = await scopeToUser(db, db('volunteers').where({ id: body.volunteerId }), user, 'community_id').first(
    'id',
    'stage',
  );
  if (!v)
    throw new ValidationError('志愿者不存在或不在您的辖区 (no such volunteer in your area)', {
      volunteerId: '志愿者不存在 (no such volunteer)',
    });
  if (v.stage !== 'active' && v.stage !== 'reconfirm_due')
    throw new ConflictError('只有在册志愿者可以入队 (only active volunteers join teams)');
  await db.transaction(async (trx) => {
    const [added] = await trx('team_members')
      .insert({ team_id: teamId, volunteer_id: v.id })
      .onConflict(['team_id', 'volunteer_id'])
      .ignore()
      .returning('volunteer_id');
    if (added)
      await writeAudit(trx, actor, {
        action: 'volunteer_team.add_member',
        entityType: 'volunteer_team',
        entityId: teamId,
        orgUnitId: team.communityId,
        after: { volunteerId: v.id },
      });
  });
  return volunteerTeamDetail(db, user, teamId);
}
