import type { Knex } from 'knex';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { visibleRecords } from './visible-records.js';

// Ids a step names in its body (the activity to sign up for, the opening to propose, the
// household member whose income was verified) are checked here, before any Update is sent:
// that the record exists, that it lies in the caller's area, and that it is the kind the step
// needs. A case workflow then only decides what depends on its own state. Refused ids answer
// 400 (404 when the record is outside the caller's area, 409 when its state refuses the step:
// a cancelled activity, a full opening) with one message per field, and nothing reaches Temporal.
//
// A route declares its references once (`refs` in its RouteSpec, `x-references` in the
// document); the registry calls `checkReferences` for every such route.

export interface ReferenceContext {
  db: Knex;
  user: AuthUser;
  /** The route's path parameters: the case the step is on. */
  params: Record<string, string>;
}

export interface ReferenceKind {
  /** What the id must name, in the document's words. */
  describe: string;
  table: string;
  /** What the record is called in a message: 活动 (activity). */
  noun: string;
  /** The visible-records resource whose area the record must lie in; absent: seen by all. */
  resource?: string;
  /** The right kind for the step, as a filter on `table`, and what a person is told otherwise. */
  fits?: {
    where: (q: Knex.QueryBuilder, ctx: ReferenceContext) => Knex.QueryBuilder;
    message: string;
    /** The record is the right kind but its state now refuses the step (cancelled, full): 409, not 400. */
    conflict?: true;
  };
}

/** Body paths (`activityId`, `members.*.memberId`) to the kind each must name. */
export type References = Record<string, ReferenceKind>;

// A re-check may still report on a member who left since (the figures close her record).
const caseHousehold =
  (table: 'applications' | 'enrollments', currentOnly: boolean) =>
  (q: Knex.QueryBuilder, { db, params }: ReferenceContext) =>
    (currentOnly ? q.where('left_household', false) : q).whereIn(
      'household_id',
      db(table).where('id', Number(params.id)).select('household_id'),
    );

export const refs = {
  volunteerActivity: {
    describe: 'a volunteer activity of a team in your area',
    table: 'volunteer_activities',
    noun: '活动 (activity)',
    resource: 'volunteer-activities',
  },
  openVolunteerActivity: {
    describe: 'a volunteer activity of a team in your area, not cancelled',
    table: 'volunteer_activities',
    noun: '活动 (activity)',
    resource: 'volunteer-activities',
    fits: {
      where: (q) => q.where('status', 'open'),
      message: '活动已取消，不能报名 (the activity was cancelled)',
      conflict: true,
    },
  },
  openJobOpening: {
    describe: 'a job opening that is open and has places left',
    table: 'job_openings',
    noun: '岗位 (opening)',
    fits: {
      where: (q) => q.where('status', 'open').where('places_left', '>', 0),
      message: '岗位已满或已关闭，没有空位 (the opening is full or closed: no place left)',
      conflict: true,
    },
  },
  seekerHelper: {
    describe: "an active one-to-one helper of the referral's community",
    table: 'helpers',
    noun: '帮扶人 (helper)',
    resource: 'helpers',
    fits: {
      where: (q, { db, params }) =>
        q
          .where('active', true)
          .whereIn('community_id', db('referrals').where('id', Number(params.id)).select('community_id')),
      message: '请选择本社区在册的帮扶人 (choose an active helper of the seeker’s community)',
    },
  },
  applicationMember: {
    describe: "a current member of the application's household",
    table: 'household_members',
    noun: '成员 (member)',
    fits: {
      where: caseHousehold('applications', true),
      message: '不是该户的在册成员 (not a current member of this household)',
    },
  },
  enrollmentMember: {
    describe: 'a member of the enrolled household',
    table: 'household_members',
    noun: '成员 (member)',
    fits: { where: caseHousehold('enrollments', false), message: '不是该户的成员 (not a member of this household)' },
  },
  caseCaseworker: {
    describe: "an active caseworker of the case's community",
    table: 'users',
    noun: '经办人 (caseworker)',
    fits: {
      where: (q, { db, params }) =>
        q
          .where({ role: 'caseworker', active: true })
          .whereIn('org_unit_id', db('case_workflows').where('workflow_id', String(params.id)).select('community_id')),
      message: '请选择本社区的社区专干 (choose an active caseworker of this community)',
    },
  },
} satisfies Record<string, ReferenceKind>;

/** The ids a path names in a body, each with the error key it answers under (`members.0.memberId`). */
export function idsAt(body: unknown, path: string): { key: string; id: number }[] {
  const walk = (value: unknown, parts: string[], key: string[]): { key: string; id: number }[] => {
    if (!parts.length) return typeof value === 'number' ? [{ key: key.join('.'), id: value }] : [];
    const [head, ...rest] = parts;
    if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => walk(v, rest, [...key, String(i)])) : [];
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, head)) return [];
    return walk((value as Record<string, unknown>)[head], rest, [...key, head]);
  };
  return walk(body, path.split('.'), []);
}

const pluckIds = async (q: Knex.QueryBuilder, ids: number[], column = 'id') =>
  new Set<number>((await q.whereIn(column, ids).pluck(column)).map(Number));

/** Refuses the body when any id it names is missing, outside the caller's area, or of the wrong kind. */
export async function checkReferences(ctx: ReferenceContext, references: References, body: unknown): Promise<void> {
  const missing: FieldErrors = {};
  const outside: FieldErrors = {};
  const wrong: FieldErrors = {};
  const conflicts: FieldErrors = {};
  for (const [path, kind] of Object.entries(references)) {
    const named = idsAt(body, path);
    if (!named.length) continue;
    const ids = [...new Set(named.map((n) => n.id))];
    const { db } = ctx;
    const exists = await pluckIds(db(kind.table), ids);
    const visibleQuery = kind.resource ? visibleRecords[kind.resource] : undefined;
    const visible = visibleQuery ? await pluckIds(db.from(visibleQuery(db, ctx.user).as('v')), ids, 'v.id') : exists;
    const fitting = kind.fits ? await pluckIds(kind.fits.where(db(kind.table), ctx), ids) : exists;
    for (const { key, id } of named) {
      if (!exists.has(id)) missing[key] = `${kind.noun}不存在 (no such record: ${id})`;
      else if (!visible.has(id)) outside[key] = `${kind.noun}不在您的辖区内 (outside your area)`;
      else if (!fitting.has(id)) (kind.fits!.conflict ? conflicts : wrong)[key] = kind.fits!.message;
    }
  }
  // Outside the area is answered as "not found" for the whole request, like a record in the path.
  if (Object.keys(outside).length)
    throw Object.assign(
      new NotFoundError('所选记录不在您的辖区内 (a record named in the request is outside your area)'),
      { errors: outside },
    );
  const errors = { ...missing, ...wrong };
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0], errors);
  if (Object.keys(conflicts).length)
    throw Object.assign(new ConflictError(Object.values(conflicts)[0]), { errors: conflicts });
}
