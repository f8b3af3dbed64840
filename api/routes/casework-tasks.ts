import { Router } from 'express';
import { z } from 'zod';
import { caseworkTaskDoneBody, caseworkTaskSchema } from '../../contract/casework-tasks.js';
import { completeCaseworkTask } from '../commands/casework-tasks.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { caseworkTaskDetail, caseworkTaskListSpec, visibleCaseworkTasks } from '../read-models/casework-tasks.js';

// Tasks across programmes that are not a case stage (a re-apply invitation after a job was lost,
// …): the community's caseworkers and supervisors complete them, streets and the district read.

export function caseworkTaskRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/casework-tasks',
      tag: 'casework-tasks',
      summary:
        'Caseworker tasks of your area, most urgent first (filters: status, kind, communityId, streetId, householdId, applicationId, overdue)',
      query: listQuery,
      list: true,
      response: z.array(caseworkTaskSchema),
    },
    async ({ res, user, query }) => sendList(res, caseworkTaskListSpec, visibleCaseworkTasks(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/casework-tasks/:id',
      tag: 'casework-tasks',
      summary: 'One task',
      response: caseworkTaskSchema,
    },
    async ({ user, params }) => caseworkTaskDetail(db, user, idParam(params.id)),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/casework-tasks/:id/done',
      tag: 'casework-tasks',
      summary: 'Complete an open task with its outcome (409 when it is done already)',
      body: caseworkTaskDoneBody,
      response: caseworkTaskSchema,
    },
    async ({ body, user, req, params }) =>
      completeCaseworkTask(db, { user, requestId: req.requestId }, idParam(params.id), body),
  );
  return router;
}
