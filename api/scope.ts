import type { Knex } from 'knex';
import { districtWideRoles } from '../domain/roles.js';
import type { AuthUser } from './http/types.js';

// The one scoping rule: a user sees her own org unit and everything under it; district roles
// see the whole district. Every scoped query goes through here, never a per-route variant.

export const seesWholeDistrict = (user: AuthUser) => districtWideRoles.includes(user.role);

/** Restricts `qb` to rows whose `column` (an org_units.id) lies in the user's subtree. */
export function scopeToUser(db: Knex, qb: Knex.QueryBuilder, user: AuthUser, column: string): Knex.QueryBuilder {
  if (seesWholeDistrict(user)) return qb;
  return qb.whereIn(column, db('org_units').select('id').where('path', 'like', `${user.orgPath}%`));
}

export async function unitInScope(db: Knex, user: AuthUser, orgUnitId: number): Promise<boolean> {
  const q = db('org_units').where({ id: orgUnitId });
  if (!seesWholeDistrict(user)) q.where('path', 'like', `${user.orgPath}%`);
  return Boolean(await q.first('id'));
}
