import { Router } from 'express';
import { z } from 'zod';
import { enterpriseSchema } from '../../contract/enterprises.js';
import { ConflictError } from '../../domain/errors.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { filter, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';

// Enterprises under restructuring that refer their surplus staff (企业分离人员) to communities.

type Row = { id: number; name: string; credit_code: string | null; contact: string };
const toApi = (r: Row) => ({ id: r.id, name: r.name, creditCode: r.credit_code, contact: r.contact });
const spec: ListSpec<Row> = {
  resource: 'enterprises',
  idColumn: 'id',
  sortable: { id: 'id', name: 'name' },
  defaultSort: ['name', 'ASC'],
  filters: { q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('name', containing(v))) },
  toApi,
};
const createBody = z.object({
  name: z.string().trim().min(1, '请输入企业名称 (name required)').max(100),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码为18位 (18-character credit code)')
    .optional(),
  contact: z.string().trim().max(100).default(''),
});

export function enterpriseRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/enterprises',
      tag: 'referrals',
      summary: 'Referring enterprises (filter: q)',
      query: listQuery,
      list: true,
      response: z.array(enterpriseSchema),
    },
    async ({ res, query }) => sendList(res, spec, db('enterprises').select('*'), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/enterprises',
      tag: 'referrals',
      summary: 'Add a referring enterprise',
      body: createBody,
      status: 201,
      response: enterpriseSchema,
    },
    async ({ body, user, req }) =>
      db.transaction(async (trx) => {
        if (await trx('enterprises').where({ name: body.name }).first('id'))
          throw new ConflictError('企业已存在 (enterprise exists)');
        const [row] = await trx('enterprises')
          .insert({ name: body.name, credit_code: body.creditCode ?? null, contact: body.contact })
          .returning('*');
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, after: body },
        );
        return toApi(row);
      }),
  );
  return router;
}
