import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { recordId } from '../../contract/fields.js';
import { bulkConfirmResultSchema, volunteerHoursSchema } from '../../contract/volunteer-hours.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { hoursDeciders } from '../../domain/volunteer-rules.js';
import { hoursStatuses } from '../../domain/volunteer-stages.js';
import { decideHoursUpdate } from '../../workflows/volunteer-messages.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { mapError } from '../http/error-handler.js';
import type { AuthUser } from '../http/types.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Hours entries and their confirmation. A team leader decides the hours of his own teams'
// activities; a caseworker those of her area; the decision itself is an Update of the
// volunteer's workflow, which counts her hours and stars.

type Row = DbRow;
const toApi = (r: Row) => ({
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
const id = z.coerce.number().int();
const spec: ListSpec<Row> = {
  resource: 'volunteer-hours',
  idColumn: 'h.id',
  sortable: { id: 'h.id', loggedAt: 'h.logged_at', minutes: 'h.minutes', status: 'h.status', volunteerName: 'v.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: filter(z.enum(hoursStatuses), (qb, v) => qb.where('h.status', v)),
    teamId: filter(id, (qb, v) => qb.where('a.team_id', v)),
    activityId: filter(id, (qb, v) => qb.where('h.activity_id', v)),
    volunteerId: filter(id, (qb, v) => qb.where('h.volunteer_id', v)),
  },
  toApi,
};

export function hoursBaseQuery(db: Knex) {
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
const visibleHours = (db: Knex, user: AuthUser) =>
  user.role === 'team_leader'
    ? hoursBaseQuery(db).where('t.leader_user_id', user.id)
    : scopeToUser(db, hoursBaseQuery(db), user, 'v.community_id');

export function volunteerHoursRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();
  const decide = async (user: AuthUser, hoursId: number, confirm: boolean, reason: string) => {
    const row = await visibleHours(db, user).where('h.id', hoursId).first();
    if (!row) throw new NotFoundError('工时记录不存在或不在您的范围 (no such hours entry for you)');
    if (!hoursDeciders.includes(user.role)) throw new ForbiddenError();
    await updateCase(row.workflow_id, decideHoursUpdate, { actor: actorOf(user), hoursId, confirm, reason });
    return toApi(await hoursBaseQuery(db).where('h.id', hoursId).first());
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-hours',
      tag: 'volunteers',
      summary:
        'Hours entries you may see (team leaders: their teams’ activities) (filters: status, teamId, activityId, volunteerId)',
      query: listQuery,
      list: true,
      response: z.array(volunteerHoursSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, visibleHours(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/confirm',
      tag: 'volunteers',
      summary:
        'Confirm many pending entries at once; each answers on its own (200, or the refusal’s status and message)',
      body: z.object({ ids: z.array(recordId()).min(1).max(200) }),
      response: bulkConfirmResultSchema,
    },
    async ({ user, body }) => {
      const results = [];
      for (const hoursId of body.ids) {
        try {
          await decide(user, hoursId, true, '');
          results.push({ id: hoursId, status: 200 });
        } catch (e) {
          const m = mapError(e);
          if (!m) throw e;
          results.push({ id: hoursId, status: m.status, message: m.message });
        }
      }
      return { results };
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/:id/confirm',
      tag: 'volunteers',
      summary: 'Confirm a pending entry: it counts toward her hours and stars (409 if decided already)',
      body: z.object({}),
      response: volunteerHoursSchema,
    },
    async ({ user, params }) => decide(user, idParam(params.id), true, ''),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-hours/:id/reject',
      tag: 'volunteers',
      summary: 'Reject a pending entry, with a reason',
      body: z.object({ reason: z.string().trim().min(1, '请填写原因 (reason required)').max(500) }),
      response: volunteerHoursSchema,
    },
    async ({ user, params, body }) => decide(user, idParam(params.id), false, body.reason),
  );
  return router;
}
