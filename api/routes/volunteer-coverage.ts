import type { DbRow } from '../../db/row.js';
import { Router } from 'express';
import { z } from 'zod';
import { coverageRowSchema } from '../../contract/volunteer-coverage.js';
import type { RouteContext } from '../deps.js';
import { filter, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Each community aims for registered, active volunteers of at least 1% of its residents.

type Row = DbRow;
const spec: ListSpec<Row> = {
  resource: 'volunteer-coverage',
  idColumn: 'cov.id',
  sortable: {
    id: 'cov.id',
    communityName: 'cov.community_name',
    ratio: 'cov.ratio',
    active: 'cov.active',
    residents: 'cov.residents',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('cov.street_id', v)),
    met: filter(z.boolean(), (qb, v) => qb.where('cov.met', v)),
  },
  toApi: (r) => ({
    id: r.id,
    communityName: r.community_name,
    streetId: r.street_id,
    streetName: r.street_name,
    residents: r.residents,
    target: Number(r.target),
    active: Number(r.active),
    ratio: Number(r.ratio),
    met: r.met,
  }),
};

export function volunteerCoverageRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteer-coverage',
      tag: 'volunteers',
      summary: 'Active volunteers per community against the 1% of residents target (filters: streetId, met)',
      query: listQuery,
      list: true,
      response: z.array(coverageRowSchema),
    },
    async ({ res, user, query }) => {
      const perCommunity = scopeToUser(
        db,
        db('org_units as c')
          .join('org_units as s', 's.id', 'c.parent_id')
          .where('c.kind', 'community')
          .whereNotNull('c.residents')
          .select(
            'c.id',
            'c.name as community_name',
            's.id as street_id',
            's.name as street_name',
            'c.residents',
            db.raw('ceil(c.residents / 100.0)::int AS target'),
            db.raw(
              `(SELECT count(*) FROM volunteers v WHERE v.community_id = c.id AND v.stage IN ('active', 'reconfirm_due')) AS active`,
            ),
          ),
        user,
        'c.id',
      );
      const withRatio = db
        .from(perCommunity.as('pc'))
        .select(
          'pc.*',
          db.raw('round(pc.active::numeric / pc.residents, 4) AS ratio'),
          db.raw('pc.active >= pc.target AS met'),
        );
      return sendList(res, spec, db.from(withRatio.as('cov')).select('cov.*'), query);
    },
  );
  return router;
}
