import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import { volunteerCoverageFilters, type coverageRowSchema } from '../../contract/volunteer-coverage.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Each community aims for registered, active volunteers of at least 1% of its residents.

type Row = DbRow;

export const volunteerCoverageListSpec: ListSpec<Row> = {
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
    streetId: filter(volunteerCoverageFilters.streetId, (qb, v) => qb.where('cov.street_id', v)),
    met: filter(volunteerCoverageFilters.met, (qb, v) => qb.where('cov.met', v)),
  },
  toApi: (r): z.infer<typeof coverageRowSchema> => ({
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

/** The communities of the user's area with residents, their target and active volunteers, as rows `cov`. */
export function coverageQuery(db: Knex, user: AuthUser): Knex.QueryBuilder {
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
  return db.from(withRatio.as('cov')).select('cov.*');
}
