import { Router } from 'express';
import { z } from 'zod';
import { employerSchema } from '../../contract/employers.js';
import { recordId } from '../../contract/fields.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';

// Employers that offer openings through the service points. Job information is public within
// the bureau: every role reads it, whatever its area.

type Row = {
  id: number;
  name: string;
  street_id: number;
  street_name: string;
  address: string;
  contact: string;
  phone: string;
  openings: string;
  places_left: string | null;
};
const toApi = (r: Row) => ({
  id: r.id,
  name: r.name,
  streetId: r.street_id,
  streetName: r.street_name,
  address: r.address,
  contact: r.contact,
  phone: r.phone,
  openings: Number(r.openings),
  placesLeft: Number(r.places_left ?? 0),
});
const spec: ListSpec<Row> = {
  resource: 'employers',
  idColumn: 'em.id',
  sortable: { id: 'em.id', name: 'em.name', streetName: 's.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('em.street_id', v)),
    q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('em.name', containing(v))),
  },
  toApi,
};
const createBody = z.object({
  name: z.string().trim().min(1, '请输入单位名称 (name required)').max(100),
  streetId: recordId(),
  address: z.string().trim().max(200).default(''),
  contact: z.string().trim().max(50).default(''),
  phone: z.string().trim().max(30).default(''),
});

export function employerRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('employers as em')
      .join('org_units as s', 's.id', 'em.street_id')
      .select(
        'em.*',
        's.name as street_name',
        db.raw(`(SELECT count(*) FROM job_openings o WHERE o.employer_id = em.id AND o.status = 'open') AS openings`),
        db.raw(
          `(SELECT sum(o.places_left) FROM job_openings o WHERE o.employer_id = em.id AND o.status = 'open') AS places_left`,
        ),
      );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/employers',
      tag: 'placements',
      summary: 'Employers, with their open openings and places left (filters: streetId, q)',
      query: listQuery,
      list: true,
      response: z.array(employerSchema),
    },
    async ({ res, query }) => sendList(res, spec, base(), query),
  );
  registry.add(
    router,
    { method: 'get', path: '/api/employers/:id', tag: 'placements', summary: 'One employer', response: employerSchema },
    async ({ params }) => {
      const row = await base().where('em.id', idParam(params.id)).first();
      if (!row) throw new NotFoundError('用人单位不存在 (no such employer)');
      return toApi(row);
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/employers',
      tag: 'placements',
      summary: 'Add an employer',
      body: createBody,
      status: 201,
      response: employerSchema,
    },
    async ({ body, user, req }) => {
      const id = await db.transaction(async (trx) => {
        const street = await trx('org_units').where({ id: body.streetId }).first('kind');
        if (street?.kind !== 'street' && street?.kind !== 'town')
          throw new ValidationError('请选择街道 (choose a street)', {
            streetId: '请选择街道或镇 (must be a street or town)',
          });
        if (await trx('employers').where({ name: body.name }).first('id'))
          throw new ConflictError('用人单位已存在 (employer exists)');
        const [row] = await trx('employers')
          .insert({
            name: body.name,
            street_id: body.streetId,
            address: body.address,
            contact: body.contact,
            phone: body.phone,
            created_by: user.id,
          })
          .returning('id');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'employer.create',
            entityType: 'employer',
            entityId: row.id,
            orgUnitId: body.streetId,
            after: body,
          },
        );
        return row.id as number;
      });
      return toApi(await base().where('em.id', id).first());
    },
  );
  return router;
}
