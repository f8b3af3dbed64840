import type { Knex } from 'knex';
import { NotFoundError } from '../../domain/errors.js';
import { orgUnitFilters } from '../../contract/org-units.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
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

export const orgUnitListSpec: ListSpec<OrgUnitRow> = {
  resource: 'org-units',
  idColumn: 'id',
  sortable: { id: 'id', name: 'name', code: 'code', kind: 'kind', residents: 'residents', parentId: 'parent_id' },
  defaultSort: ['id', 'ASC'],
  filters: {
    kind: filter(orgUnitFilters.kind, (qb, v) => qb.whereIn('kind', ([] as string[]).concat(v))),
    parentId: filter(orgUnitFilters.parentId, (qb, v) => qb.where('parent_id', v)),
    q: filter(orgUnitFilters.q, (qb, v) =>
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

/** The org units the user may see, for the list. */
export const visibleOrgUnits = (db: Knex, user: AuthUser) => visible(db, user).select('*');

/** One org unit the user may see; 404 for any other. */
export async function orgUnitDetail(db: Knex, user: AuthUser, id: number) {
  const row = await visible(db, user).where({ id }).first();
  if (!row) throw new NotFoundError();
  return toApi(row);
}
