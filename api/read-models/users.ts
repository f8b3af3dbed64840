import type { Knex } from 'knex';
import { NotFoundError } from '../../domain/errors.js';
import { userFilters } from '../../contract/users.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';

// Staff accounts as the admins read them: never the password hash.

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The columns an account is read with, the hash left out. */
export const userColumns = [
  'id',
  'username',
  'display_name',
  'role',
  'org_unit_id',
  'active',
  'created_at',
  'updated_at',
];

export const userToApi = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  orgUnitId: r.org_unit_id,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** An account as the API answers it (its role a plain string here: the schema names the roles). */
export type User = ReturnType<typeof userToApi>;

export const userListSpec: ListSpec<UserRow> = {
  resource: 'users',
  idColumn: 'id',
  sortable: {
    id: 'id',
    username: 'username',
    displayName: 'display_name',
    role: 'role',
    orgUnitId: 'org_unit_id',
    active: 'active',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    role: filter(userFilters.role, (qb, v) => qb.where('role', v)),
    orgUnitId: filter(userFilters.orgUnitId, (qb, v) => qb.where('org_unit_id', v)),
    active: filter(userFilters.active, (qb, v) => qb.where('active', v)),
    q: filter(userFilters.q, (qb, v) =>
      qb.where((w) => w.whereILike('username', containing(v)).orWhereILike('display_name', containing(v))),
    ),
  },
  toApi: userToApi,
};

export const usersQuery = (db: Knex) => db('users').select(userColumns);

/** One account; 404 for an unknown id. */
export async function userDetail(db: Knex, id: number): Promise<User> {
  const row = await db('users').where({ id }).first(userColumns);
  if (!row) throw new NotFoundError();
  return userToApi(row);
}
