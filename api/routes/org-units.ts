import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { orgUnitSchema } from '../../contract/org-units.js';
import { orgUnitKinds } from '../../domain/roles.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import type { Knex } from 'knex';
import type { AuthUser } from '../http/types.js';
import { seesWholeDistrict } from '../scope.js';

interface OrgUnitRow {
  id: number;
  parent_id: number | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  residents: number | null;
}

const toApi = (r: OrgUnitRow) => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  code: r.code,
  name: r.name,
  path: r.path,
  residents: r.residents,
});

const spec: ListSpec<OrgUnitRow> = {
  resource: 'org-units',
  idColumn: 'id',
  sortable: { id: 'id', name: 'name', code: 'code', kind: 'kind', residents: 'residents', parentId: 'parent_id' },
  defaultSort: ['id', 'ASC'],
  filters: {
    kind: filter(z.union([z.enum(orgUnitKinds), z.array(z.enum(orgUnitKinds))]), (qb, v) =>
      qb.whereIn('kind', ([] as string[]).concat(v)),
    ),
    parentId: filter(z.coerce.number().int(), (qb, v) => qb.where('parent_id', v)),
    q: filter(z.string().max(100), (qb, v) =>
      qb.where((w) => w.whereILike('name', containing(v)).orWhereILike('code', containing(v))),
    ),
  },
  toApi,
};

// Everyone sees her own subtree, and the district's streets and towns: the map is not private,
// and a caseworker records employers and openings in any street. Other communities stay hidden.
const visible = (db: Knex, user: AuthUser) => {
  const q = db('org_units');
  if (!seesWholeDistrict(user))
    q.where((w) => w.where('path', 'like', `${user.orgPath}%`).orWhereIn('kind', ['district', 'street', 'town']));
  return q;
};

export function orgUnitRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/org-units',
      tag: 'org-units',
      summary: 'The district, its streets and towns, and the communities in your area',
      query: listQuery,
      list: true,
      response: z.array(orgUnitSchema),
    },
    async ({ res, user, query }) => {
      await sendList(res, spec, visible(db, user).select('*'), query);
    },
  );
  registry.add(
    router,
    { method: 'get', path: '/api/org-units/:id', tag: 'org-units', summary: 'One org unit', response: orgUnitSchema },
    async ({ user, params }) => {
      const row = await visible(db, user)
        .where({ id: idParam(params.id) })
        .first();
      if (!row) throw new NotFoundError();
      return toApi(row);
    },
  );
  return router;
}
