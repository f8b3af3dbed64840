import type { Knex } from 'knex';
import { caseworkTaskFilters, type CaseworkTask } from '../../contract/casework-tasks.js';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// The caseworker's task queue: what is not a case stage yet needs someone to act, scoped by the
// task's community like every list. Overdue is computed on each read from due_at, so it never
// lags behind a timer; the watch pass is what tells supervisors about it.

const overdueSql = `(t.status = 'open' AND t.due_at < now())`;

export const caseworkTaskToApi = (r: DbRow): CaseworkTask => ({
  id: Number(r.id),
  kind: r.kind,
  status: r.status,
  title: r.title,
  details: r.details ?? {},
  householdId: r.household_id,
  headName: r.head_name,
  applicationId: r.application_id,
  communityId: r.community_id,
  communityName: r.community_name,
  streetName: r.street_name,
  dueAt: r.due_at.toISOString(),
  overdue: r.overdue,
  outcome: r.outcome,
  doneById: r.done_by,
  doneByName: r.done_by_name,
  doneAt: r.done_at ? r.done_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
});

export const caseworkTaskListSpec: ListSpec<DbRow> = {
  resource: 'casework-tasks',
  idColumn: 't.id',
  sortable: { id: 't.id', dueAt: 't.due_at', createdAt: 't.created_at', doneAt: 't.done_at', kind: 't.kind' },
  defaultSort: ['dueAt', 'ASC'],
  filters: {
    status: filter(caseworkTaskFilters.status, (qb, v) => qb.where('t.status', v)),
    kind: filter(caseworkTaskFilters.kind, (qb, v) => qb.where('t.kind', v)),
    communityId: filter(caseworkTaskFilters.communityId, (qb, v) => qb.where('t.community_id', v)),
    streetId: filter(caseworkTaskFilters.streetId, (qb, v) => qb.where('c.parent_id', v)),
    householdId: filter(caseworkTaskFilters.householdId, (qb, v) => qb.where('t.household_id', v)),
    applicationId: filter(caseworkTaskFilters.applicationId, (qb, v) => qb.where('t.application_id', v)),
    overdue: filter(caseworkTaskFilters.overdue, (qb, v) =>
      v ? qb.whereRaw(overdueSql) : qb.whereRaw(`NOT ${overdueSql}`),
    ),
  },
  toApi: caseworkTaskToApi,
};

function baseQuery(db: Knex) {
  return db('casework_tasks as t')
    .join('households as h', 'h.id', 't.household_id')
    .join('org_units as c', 'c.id', 't.community_id')
    .leftJoin('org_units as s', 's.id', 'c.parent_id')
    .leftJoin('users as u', 'u.id', 't.done_by')
    .select(
      't.*',
      'h.head_name',
      'c.name as community_name',
      db.raw(`coalesce(s.name, '') as street_name`),
      'u.display_name as done_by_name',
      db.raw(`${overdueSql} as overdue`),
    );
}

/** The tasks of the user's area, for the list. */
export const visibleCaseworkTasks = (db: Knex, user: AuthUser) =>
  scopeToUser(db, baseQuery(db), user, 't.community_id');

/** One task of the user's area; 404 outside it. */
export async function caseworkTaskDetail(db: Knex, user: AuthUser, id: number): Promise<CaseworkTask> {
  const row = await scopeToUser(db, baseQuery(db).where('t.id', id), user, 't.community_id').first();
  if (!row) throw new NotFoundError('任务不存在或不在您的辖区');
  return caseworkTaskToApi(row);
}
