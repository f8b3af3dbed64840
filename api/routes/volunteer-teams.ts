import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import { z } from 'zod';
import { recordId } from '../../contract/fields.js';
import { teamLeaderSchema, volunteerTeamDetailSchema, volunteerTeamSchema } from '../../contract/volunteer-teams.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { teamKinds } from '../../domain/volunteer-stages.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import { scopeToUser, unitInScope } from '../scope.js';

// Volunteer teams (志愿服务队) of a community, their leader and members.

type Row = DbRow;
const toApi = (r: Row) => ({
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
const spec: ListSpec<Row> = {
  resource: 'volunteer-teams',
  idColumn: 't.id',
  sortable: { id: 't.id', name: 't.name', communityName: 'c.name', kind: 't.kind' },
  defaultSort: ['id', 'ASC'],
  filters: {
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('t.community_id', v)),
    kind: filter(z.enum(teamKinds), (qb, v) => qb.where('t.kind', v)),
    q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('t.name', containing(v))),
  },
  toApi,
};

export function volunteerTeamRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('volunteer_teams as t')
      .join('org_units as c', 'c.id', 't.community_id')
      .leftJoin('users as u', 'u.id', 't.leader_user_id')
      .select(
        't.*',
        'c.name as community_name',
        'u.display_name as leader_name',
        db.raw('(SELECT count(*) FROM team_members m WHERE m.team_id = t.id) AS members'),
        db.raw('(SELECT count(*) FROM volunteer_activities a WHERE a.team_id = t.id) AS activities'),
      );
  const detail = async (teamId: number, user: Parameters<typeof scopeToUser>[2]) => {
    const row = await scopeToUser(db, base().where('t.id', teamId), user, 't.community_id').first();
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
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-teams',
      tag: 'volunteers',
      summary: 'Volunteer teams in your area (filters: communityId, kind, q)',
      query: listQuery,
      list: true,
      response: z.array(volunteerTeamSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 't.community_id'), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-teams/:id',
      tag: 'volunteers',
      summary: 'One team with its members',
      response: volunteerTeamDetailSchema,
    },
    async ({ user, params }) => detail(idParam(params.id), user),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-teams',
      tag: 'volunteers',
      summary: 'Create a team in a community, optionally with its leader (a team_leader user)',

      body: z.object({
        name: z.string().trim().min(1, '请输入队名 (name required)').max(100),
        communityId: recordId(),
        kind: z.enum(teamKinds),
        leaderUserId: recordId().optional(),
      }),
      status: 201,
      response: volunteerTeamDetailSchema,
    },
    async ({ body, user, req }) => {
      const c = await db('org_units').where({ id: body.communityId }).first('kind');
      if (c?.kind !== 'community')
        throw new ValidationError('请选择社区 (choose a community)', {
          communityId: '请选择一个社区 (must be a community)',
        });
      if (!(await unitInScope(db, user, body.communityId)))
        throw new ForbiddenError('只能在本辖区建队 (community outside your area)');
      if (
        body.leaderUserId &&
        (await db('users').where({ id: body.leaderUserId }).first('role'))?.role !== 'team_leader'
      )
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
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'volunteer_team.create',
            entityType: 'volunteer_team',
            entityId: row.id,
            orgUnitId: body.communityId,
            after: body,
          },
        );
        return row.id as number;
      });
      return detail(id, user);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-teams/:id/members',
      tag: 'volunteers',
      summary: 'Add an active volunteer of your area to the team',
      body: z.object({ volunteerId: recordId() }),
      response: volunteerTeamDetailSchema,
    },
    async ({ params, body, user, req }) => {
      const teamId = idParam(params.id);
      const t = await detail(teamId, user);
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
          await writeAudit(
            trx,
            { user, requestId: req.requestId },
            {
              action: 'volunteer_team.add_member',
              entityType: 'volunteer_team',
              entityId: teamId,
              orgUnitId: t.communityId,
              after: { volunteerId: v.id },
            },
          );
      });
      return detail(teamId, user);
    },
  );
  return router;
}

type LeaderRow = { id: number; username: string; display_name: string; org_unit_id: number; org_unit_name: string };
const leaderSpec: ListSpec<LeaderRow> = {
  resource: 'team-leaders',
  idColumn: 'u.id',
  sortable: { id: 'u.id', displayName: 'u.display_name' },
  defaultSort: ['id', 'ASC'],
  filters: { orgUnitId: filter(z.coerce.number().int(), (qb, v) => qb.where('u.org_unit_id', v)) },
  toApi: (r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
  }),
};

/** Team leader accounts of your area, to name a team's leader (user accounts are otherwise for admins). */
export function teamLeaderRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/team-leaders',
      tag: 'volunteers',
      summary: 'Active team leader accounts in your area (filter: orgUnitId)',
      query: listQuery,
      list: true,
      response: z.array(teamLeaderSchema),
    },
    async ({ res, user, query }) =>
      sendList(
        res,
        leaderSpec,
        scopeToUser(
          db,
          db('users as u')
            .join('org_units as o', 'o.id', 'u.org_unit_id')
            .where({ 'u.role': 'team_leader', 'u.active': true })
            .select('u.id', 'u.username', 'u.display_name', 'u.org_unit_id', 'o.name as org_unit_name'),
          user,
          'u.org_unit_id',
        ),
        query,
      ),
  );
  return router;
}
