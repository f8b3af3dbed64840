import { Router } from 'express';
import { z } from 'zod';
import {
  activityAssignmentSchema,
  volunteerActivityCreateBody,
  volunteerActivitySchema,
} from '../../contract/volunteer-activities.js';
import { createVolunteerActivity } from '../commands/volunteer-activities.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import {
  visibleActivities,
  visibleAssignments,
  volunteerActivityDetail,
  volunteerActivityListSpec,
  volunteerAssignmentListSpec,
} from '../read-models/volunteer-activities.js';

// Activities of the teams, with their places, and who is assigned to them.

export function volunteerActivityRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-activities',
      tag: 'volunteers',
      summary:
        'Activities of the teams in your area, with places left (filters: teamId, communityId, upcoming, hasPlaces, q)',
      query: listQuery,
      list: true,
      response: z.array(volunteerActivitySchema),
    },
    async ({ res, user, query }) => sendList(res, volunteerActivityListSpec, visibleActivities(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-activities/:id',
      tag: 'volunteers',
      summary: 'One activity',
      response: volunteerActivitySchema,
    },
    async ({ user, params }) => volunteerActivityDetail(db, user, idParam(params.id)),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-activities',
      tag: 'volunteers',
      summary: 'Plan an activity of a team',
      body: volunteerActivityCreateBody,
      status: 201,
      response: volunteerActivitySchema,
    },
    async ({ body, user, req }) => createVolunteerActivity(db, { user, requestId: req.requestId }, body),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-assignments',
      tag: 'volunteers',
      summary: 'Who is signed up for what, in your area (filters: activityId, volunteerId)',
      query: listQuery,
      list: true,
      response: z.array(activityAssignmentSchema),
    },
    async ({ res, user, query }) => sendList(res, volunteerAssignmentListSpec, visibleAssignments(db, user), query),
  );
  return router;
}
