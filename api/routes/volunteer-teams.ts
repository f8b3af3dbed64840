import { Router } from 'express';
import { z } from 'zod';
import {
  teamLeaderSchema,
  teamMemberBody,
  volunteerTeamCreateBody,
  volunteerTeamDetailSchema,
  volunteerTeamSchema,
} from '../../contract/volunteer-teams.js';
import { addTeamMember, createVolunteerTeam } from '../commands/volunteer-teams.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import {
  teamLeaderListSpec,
  visibleTeamLeaders,
  visibleTeams,
  volunteerTeamDetail,
  volunteerTeamListSpec,
} from '../read-models/volunteer-teams.js';

// Volunteer teams (志愿服务队) of a community, their leader and members.

export function volunteerTeamRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
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
    async ({ res, user, query }) => sendList(res, volunteerTeamListSpec, visibleTeams(db, user), query),
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
    async ({ user, params }) => volunteerTeamDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-teams',
      tag: 'volunteers',
      summary: 'Create a team in a community, optionally with its leader (a team_leader user)',
      body: volunteerTeamCreateBody,
      status: 201,
      response: volunteerTeamDetailSchema,
    },
    async ({ body, user, req }) => createVolunteerTeam(db, { user, requestId: req.requestId }, body),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-teams/:id/members',
      tag: 'volunteers',
      summary: 'Add an active volunteer of your area to the team',
      body: teamMemberBody,
      response: volunteerTeamDetailSchema,
    },
    async ({ params, body, user, req }) =>
      addTeamMember(db, { user, requestId: req.requestId }, idParam(params.id), body),
  );
  return router;
}

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
    async ({ res, user, query }) => sendList(res, teamLeaderListSpec, visibleTeamLeaders(db, user), query),
  );
  return router;
}
