import type { Knex } from 'knex';
import { helperFilters as f } from '../../contract/helpers.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// 一助一 helpers as the list reads them, with how many seekers each follows now.

export interface HelperRow {
  id: number;
  name: string;
  phone: string;
  community_id: number;
  community_name: string;
  active: boolean;
  seekers: string;
}

export const helperListSpec: ListSpec<HelperRow> = {
  resource: 'helpers',
  idColumn: 'h.id',
  sortable: { id: 'h.id', name: 'h.name', communityName: 'c.name' },
  defaultSort: ['id', 'ASC'],
  filters: {
    communityId: filter(f.communityId, (qb, v) => qb.where('h.community_id', v)),
    active: filter(f.active, (qb, v) => qb.where('h.active', v)),
    q: filter(f.q, (qb, v) => qb.whereILike('h.name', containing(v))),
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

/** The list's rows: the helpers in the reader's area. */
export function helpersInArea(db: Knex, user: AuthUser): Knex.QueryBuilder {
  const base = db('helpers as h')
    .join('org_units as c', 'c.id', 'h.community_id')
    .select(
      'h.*',
      'c.name as community_name',
      db.raw(
        `(SELECT count(*) FROM referrals r WHERE r.helper_id = h.id AND r.stage NOT IN ('closed', 'withdrawn')) AS seekers`,
      ),
    );
  return scopeToUser(db, base, user, 'h.community_id');
}
