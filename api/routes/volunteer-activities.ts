import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { skillList, recordId } from '../../contract/fields.js';
import { activityAssignmentSchema, volunteerActivitySchema } from '../../contract/volunteer-activities.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Activities of the teams, with their places, and who is assigned to them. Places are taken
// only by sign-ups (in the volunteer workflow's activity, guarded by places_left > 0).

type Row = DbRow;
const toApi = (r: Row) => ({
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
});
const id = z.coerce.number().int();
const spec: ListSpec<Row> = {
  resource: 'volunteer-activities',
  idColumn: 'a.id',
  sortable: { id: 'a.id', startsAt: 'a.starts_at', title: 'a.title', placesLeft: 'a.places_left', teamName: 't.name' },
  defaultSort: ['startsAt', 'DESC'],
  filters: {
    teamId: filter(id, (qb, v) => qb.where('a.team_id', v)),
    communityId: filter(id, (qb, v) => qb.where('t.community_id', v)),
    upcoming: filter(z.boolean(), (qb, v) => qb.where('a.starts_at', v ? '>' : '<=', new Date())),
    hasPlaces: filter(z.boolean(), (qb, v) =>
      v ? qb.where('a.places_left', '>', 0).where('a.status', 'open') : qb.where('a.places_left', 0),
    ),
    q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('a.title', containing(v))),
  },
  toApi,
};

const assignmentSpec: ListSpec<Row> = {
  resource: 'volunteer-assignments',
  idColumn: 's.id',
  sortable: { id: 's.id', startsAt: 'a.starts_at', volunteerName: 'v.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    activityId: filter(id, (qb, v) => qb.where('s.activity_id', v)),
    volunteerId: filter(id, (qb, v) => qb.where('s.volunteer_id', v)),
  },
  toApi: (r) => ({
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

const createBody = z
  .object({
    teamId: recordId(),
    title: z.string().trim().min(1, '请输入活动名称 (title required)').max(100),
    startsAt: z.iso.datetime({ offset: true, message: '时间格式无效 (ISO date-time)' }),
    endsAt: z.iso.datetime({ offset: true, message: '时间格式无效 (ISO date-time)' }),
    place: z.string().trim().min(1, '请输入地点 (place required)').max(200),
    placesTotal: z.number().int().min(1, '至少1个名额 (at least one place)').max(10_000),
    requiredSkills: skillList.default([]),
    servesVulnerable: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间 (must end after it starts)' });
  });

export function volunteerActivityRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('volunteer_activities as a')
      .join('volunteer_teams as t', 't.id', 'a.team_id')
      .join('org_units as c', 'c.id', 't.community_id')
      .select('a.*', 't.name as team_name', 't.community_id', 'c.name as community_name');
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
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 't.community_id'), query),
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
    async ({ user, params }) => {
      const row = await scopeToUser(db, base().where('a.id', idParam(params.id)), user, 't.community_id').first();
      if (!row) throw new NotFoundError('活动不存在或不在您的辖区 (no such activity in your area)');
      return toApi(row);
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteer-activities',
      tag: 'volunteers',
      summary: 'Plan an activity of a team',
      body: createBody,
      status: 201,
      response: volunteerActivitySchema,
    },
    async ({ body, user, req }) => {
      const team = await scopeToUser(db, db('volunteer_teams').where({ id: body.teamId }), user, 'community_id').first(
        'id',
        'community_id',
      );
      if (!team)
        throw new ValidationError('请选择本辖区的服务队 (choose a team in your area)', {
          teamId: '服务队不存在或不在您的辖区 (no such team in your area)',
        });
      const created = await db.transaction(async (trx) => {
        const [row] = await trx('volunteer_activities')
          .insert({
            team_id: body.teamId,
            title: body.title,
            starts_at: body.startsAt,
            ends_at: body.endsAt,
            place: body.place,
            places_total: body.placesTotal,
            places_left: body.placesTotal,
            required_skills: body.requiredSkills,
            serves_vulnerable: body.servesVulnerable,
            created_by: user.id,
          })
          .returning('id');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'volunteer_activity.create',
            entityType: 'volunteer_activity',
            entityId: row.id,
            orgUnitId: team.community_id,
            after: body,
          },
        );
        return row.id as number;
      });
      return toApi(await base().where('a.id', created).first());
    },
  );

  const assignments = () =>
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
    async ({ res, user, query }) =>
      sendList(res, assignmentSpec, scopeToUser(db, assignments(), user, 'v.community_id'), query),
  );
  return router;
}
