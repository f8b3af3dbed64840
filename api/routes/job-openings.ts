import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { skillList, recordId } from '../../contract/fields.js';
import { jobOpeningSchema } from '../../contract/job-openings.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import { signalOpeningsChanged } from '../temporal/referral-start.js';

// Job openings with their places. Places are taken only by placements (in the placement's
// transaction); an edit of the total moves what is left by the same amount and never below
// what is already filled. Any change makes the referrals in matching rank again.

const fen = z.number().int('以分为单位的整数 (whole fen)').min(0, '不能为负 (cannot be negative)').max(100_000_000);
type Row = DbRow;
const toApi = (r: Row) => ({
  id: r.id,
  employerId: r.employer_id,
  employerName: r.employer_name,
  title: r.title,
  requiredSkills: r.required_skills,
  preferredSkills: r.preferred_skills,
  wageMinFen: Number(r.wage_min_fen),
  wageMaxFen: Number(r.wage_max_fen),
  streetId: r.street_id,
  streetName: r.street_name,
  hoursPerWeek: r.hours_per_week,
  physical: r.physical,
  placesTotal: r.places_total,
  placesLeft: r.places_left,
  placed: r.places_total - r.places_left,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});
const spec: ListSpec<Row> = {
  resource: 'job-openings',
  idColumn: 'o.id',
  sortable: {
    id: 'o.id',
    title: 'o.title',
    placesLeft: 'o.places_left',
    wageMaxFen: 'o.wage_max_fen',
    employerName: 'em.name',
    createdAt: 'o.created_at',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: filter(z.enum(['open', 'closed']), (qb, v) => qb.where('o.status', v)),
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('o.street_id', v)),
    employerId: filter(z.coerce.number().int(), (qb, v) => qb.where('o.employer_id', v)),
    hasPlaces: filter(z.boolean(), (qb, v) => (v ? qb.where('o.places_left', '>', 0) : qb.where('o.places_left', 0))),
    q: filter(z.string().trim().max(50), (qb, v) =>
      qb.where((w) => w.whereILike('o.title', containing(v)).orWhereILike('em.name', containing(v))),
    ),
  },
  toApi,
};

const fields = {
  employerId: recordId(),
  title: z.string().trim().min(1, '请输入岗位名称 (title required)').max(100),
  requiredSkills: skillList,
  preferredSkills: skillList,
  wageMinFen: fen,
  wageMaxFen: fen,
  streetId: recordId(),
  hoursPerWeek: z.number().int().min(1).max(84),
  physical: z.boolean(),
  placesTotal: z.number().int().min(1, '至少1个名额 (at least one place)').max(10_000),
};
const wageOrder = (v: { wageMinFen?: number; wageMaxFen?: number }, ctx: z.RefinementCtx) => {
  if (v.wageMinFen !== undefined && v.wageMaxFen !== undefined && v.wageMaxFen < v.wageMinFen)
    ctx.addIssue({ code: 'custom', path: ['wageMaxFen'], message: '最高月薪不能低于最低月薪 (max below min)' });
};
const createBody = z
  .object({
    ...fields,
    requiredSkills: skillList.default([]),
    preferredSkills: skillList.default([]),
    hoursPerWeek: fields.hoursPerWeek.default(40),
    physical: z.boolean().default(false),
  })
  .superRefine(wageOrder);
const updateBody = z
  .object({ ...fields, status: z.enum(['open', 'closed']) })
  .omit({ employerId: true })
  .partial()
  .superRefine(wageOrder);

export function jobOpeningRoutes({ registry, db, temporal }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('job_openings as o')
      .join('employers as em', 'em.id', 'o.employer_id')
      .join('org_units as s', 's.id', 'o.street_id')
      .select('o.*', 'em.name as employer_name', 's.name as street_name');
  const one = async (id: number) => {
    const row = await base().where('o.id', id).first();
    if (!row) throw new NotFoundError('岗位不存在 (no such opening)');
    return row;
  };
  const checkStreet = async (streetId: number) => {
    const s = await db('org_units').where({ id: streetId }).first('kind');
    if (s?.kind !== 'street' && s?.kind !== 'town')
      throw new ValidationError('请选择街道 (choose a street)', {
        streetId: '请选择街道或镇 (must be a street or town)',
      });
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-openings',
      tag: 'placements',
      summary: 'Job openings with places left (filters: status, streetId, employerId, hasPlaces, q)',
      query: listQuery,
      list: true,
      response: z.array(jobOpeningSchema),
    },
    async ({ res, query }) => sendList(res, spec, base(), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/job-openings/:id',
      tag: 'placements',
      summary: 'One opening',
      response: jobOpeningSchema,
    },
    async ({ params }) => toApi(await one(idParam(params.id))),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/job-openings',
      tag: 'placements',
      summary: 'Add an opening; referrals in matching rank again',
      body: createBody,
      status: 201,
      response: jobOpeningSchema,
    },
    async ({ body, user, req }) => {
      await checkStreet(body.streetId);
      if (!(await db('employers').where({ id: body.employerId }).first('id')))
        throw new ValidationError('请选择用人单位 (choose an employer)', {
          employerId: '用人单位不存在 (no such employer)',
        });
      const id = await db.transaction(async (trx) => {
        const {
          placesTotal,
          employerId,
          streetId,
          title,
          requiredSkills,
          preferredSkills,
          wageMinFen,
          wageMaxFen,
          hoursPerWeek,
          physical,
        } = body;
        const [row] = await trx('job_openings')
          .insert({
            employer_id: employerId,
            street_id: streetId,
            title,
            required_skills: requiredSkills,
            preferred_skills: preferredSkills,
            wage_min_fen: wageMinFen,
            wage_max_fen: wageMaxFen,
            hours_per_week: hoursPerWeek,
            physical,
            places_total: placesTotal,
            places_left: placesTotal,
            created_by: user.id,
          })
          .returning('id');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'job_opening.create',
            entityType: 'job_opening',
            entityId: row.id,
            orgUnitId: streetId,
            after: body,
          },
        );
        return row.id as number;
      });
      await signalOpeningsChanged(db, temporal);
      return toApi(await one(id));
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/job-openings/:id',
      tag: 'placements',
      summary: 'Change an opening (places, wage, skills, open/closed); places already filled stay filled',
      body: updateBody,
      response: jobOpeningSchema,
    },
    async ({ params, body, user, req }) => {
      const id = idParam(params.id);
      const before = await one(id);
      if (body.streetId !== undefined) await checkStreet(body.streetId);
      const min = body.wageMinFen ?? Number(before.wage_min_fen);
      const max = body.wageMaxFen ?? Number(before.wage_max_fen);
      if (max < min)
        throw new ValidationError('最高月薪不能低于最低月薪 (max below min)', {
          wageMaxFen: '最高月薪不能低于最低月薪 (max below min)',
        });
      await db.transaction(async (trx) => {
        const patch: Record<string, unknown> = { updated_at: trx.fn.now() };
        const columns: Record<string, string> = {
          title: 'title',
          requiredSkills: 'required_skills',
          preferredSkills: 'preferred_skills',
          wageMinFen: 'wage_min_fen',
          wageMaxFen: 'wage_max_fen',
          streetId: 'street_id',
          hoursPerWeek: 'hours_per_week',
          physical: 'physical',
          status: 'status',
        };
        for (const [k, c] of Object.entries(columns))
          if (body[k as keyof typeof body] !== undefined) patch[c] = body[k as keyof typeof body];
        const q = trx('job_openings').where({ id });
        if (body.placesTotal !== undefined) {
          // Guarded in SQL: a placement committing at the same time is counted, never overwritten.
          patch.places_total = body.placesTotal;
          patch.places_left = trx.raw('places_left + (? - places_total)', [body.placesTotal]);
          q.whereRaw('places_left + (? - places_total) >= 0', [body.placesTotal]);
        }
        const n = await q.update(patch);
        if (!n)
          throw new ConflictError(
            `已安置${before.places_total - before.places_left}人，名额不能少于此数 (fewer places than already filled)`,
          );
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'job_opening.update',
            entityType: 'job_opening',
            entityId: id,
            orgUnitId: before.street_id,
            before: toApi(before),
            after: body,
          },
        );
      });
      await signalOpeningsChanged(db, temporal);
      return toApi(await one(id));
    },
  );
  return router;
}
