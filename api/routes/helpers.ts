import { Router } from 'express';
import { z } from 'zod';
import { helperSchema } from '../../contract/helpers.js';
import type { RouteContext } from '../deps.js';
import { filter, listQuery, sendList, type ListSpec, containing } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// 一助一 helpers: the named person in the community who follows one seeker into work.

type Row = {
  id: number;
  name: string;
  phone: string;
  community_id: number;
  community_name: string;
  active: boolean;
  seekers: string;
};
const spec: ListSpec<Row> = {
  resource: 'helpers',
  idColumn: 'h.id',
  sortable: { id: 'h.id', name: 'h.name', communityName: 'c.name' },
  defaultSort: ['id', 'ASC'],
  filters: {
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('h.community_id', v)),
    active: filter(z.boolean(), (qb, v) => qb.where('h.active', v)),
    q: filter(z.string().trim().max(50), (qb, v) => qb.whereILike('h.name', containing(v))),
  },
  toApi: (r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    communityId: r.community_id,
    communityName: r.community_name,
    active: r.active,
    seekers: Number(r.seekers),
  }),
};

export function helperRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  const base = () =>
    db('helpers as h')
      .join('org_units as c', 'c.id', 'h.community_id')
      .select(
        'h.*',
        'c.name as community_name',
        db.raw(
          `(SELECT count(*) FROM referrals r WHERE r.helper_id = h.id AND r.stage NOT IN ('closed', 'withdrawn')) AS seekers`,
        ),
      );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/helpers',
      tag: 'referrals',
      summary:
        'One-to-one helpers in your area, with how many seekers each follows now (filters: communityId, active, q)',
      query: listQuery,
      list: true,
      response: z.array(helperSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 'h.community_id'), query),
  );
  return router;
}
