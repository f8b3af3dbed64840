import type { Knex } from 'knex';
import { placementReportFilters } from '../../contract/placement-report.js';
import { placementFilters } from '../../contract/placements.js';
import type { DbRow } from '../../db/row.js';
import type { AuthUser } from '../http/types.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// Placements, and the report per street and month of start with the retention rates at 1, 3
// and 6 months: of the placements whose k-month status is known (a k-month follow-up recorded
// "retained", or the person left at or before k), the share still in the job. Both are scoped
// to the reader's area by the placement's community.

type Row = DbRow;

export const placementListSpec: ListSpec<Row> = {
  resource: 'placements',
  idColumn: 'p.id',
  sortable: {
    id: 'p.id',
    startDate: 'p.start_date',
    wageFen: 'p.wage_fen',
    seekerName: 'js.name',
    employerName: 'em.name',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    streetId: filter(placementFilters.streetId, (qb, v) => qb.where('p.street_id', v)),
    status: filter(placementFilters.status, (qb, v) => qb.where('p.status', v)),
    month: filter(placementFilters.month, (qb, v) => qb.whereRaw(`to_char(p.start_date, 'YYYY-MM') = ?`, [v])),
    q: filter(placementFilters.q, (qb, v) =>
      qb.where((w) => w.whereILike('js.name', containing(v)).orWhereILike('em.name', containing(v))),
    ),
  },
  toApi: (r) => ({
    id: r.id,
    referralId: r.referral_id,
    seekerName: r.seeker_name,
    employerName: r.employer_name,
    jobTitle: r.job_title,
    wageFen: Number(r.wage_fen),
    startDate: r.start_date,
    streetId: r.street_id,
    streetName: r.street_name,
    communityName: r.community_name,
    status: r.status,
    leftReason: r.left_reason,
    followUps: { 1: r.f1 ?? null, 3: r.f3 ?? null, 6: r.f6 ?? null },
  }),
};

export function placementListQuery(db: Knex, user: AuthUser) {
  const status = (k: number) =>
    db.raw(`(SELECT f.status FROM follow_ups f WHERE f.placement_id = p.id AND f.month = ${k}) AS f${k}`);
  const base = db('placements as p')
    .join('job_seekers as js', 'js.id', 'p.seeker_id')
    .join('employers as em', 'em.id', 'p.employer_id')
    .join('org_units as s', 's.id', 'p.street_id')
    .join('org_units as c', 'c.id', 'p.community_id')
    .select(
      'p.*',
      'js.name as seeker_name',
      'em.name as employer_name',
      's.name as street_name',
      'c.name as community_name',
      status(1),
      status(3),
      status(6),
    );
  return scopeToUser(db, base, user, 'p.community_id');
}

export const placementReportSpec: ListSpec<Row> = {
  resource: 'placement-report',
  idColumn: 'rep.id',
  sortable: { id: 'rep.id', month: 'rep.month', streetName: 'rep.street_name', placed: 'rep.placed' },
  defaultSort: ['month', 'DESC'],
  filters: {
    streetId: filter(placementReportFilters.streetId, (qb, v) => qb.where('rep.street_id', v)),
    from: filter(placementReportFilters.from, (qb, v) => qb.where('rep.month', '>=', v)),
    to: filter(placementReportFilters.to, (qb, v) => qb.where('rep.month', '<=', v)),
  },
  toApi: (r) => {
    const out: Record<string, unknown> = {
      id: r.id,
      streetId: r.street_id,
      streetName: r.street_name,
      month: r.month,
      placed: Number(r.placed),
    };
    for (const k of [1, 3, 6]) {
      const due = Number(r[`due${k}`]);
      const kept = Number(r[`retained${k}`]);
      Object.assign(out, {
        [`due${k}`]: due,
        [`retained${k}`]: kept,
        [`rate${k}`]: due ? Math.round((kept / due) * 1000) / 1000 : null,
      });
    }
    return out;
  },
};

export function placementReportQuery(db: Knex, user: AuthUser) {
  const known = scopeToUser(
    db,
    db('placements as p').select(
      'p.street_id',
      db.raw(`to_char(p.start_date, 'YYYY-MM') AS month`),
      db.raw(`(SELECT min(f.month) FROM follow_ups f WHERE f.placement_id = p.id AND f.status = 'left') AS left_at`),
      db.raw(`ARRAY(SELECT f.month FROM follow_ups f WHERE f.placement_id = p.id AND f.status = 'retained') AS kept`),
    ),
    user,
    'p.community_id',
  );
  const counts = [1, 3, 6].flatMap((k) => [
    `count(*) FILTER (WHERE ${k} = ANY(fp.kept)) AS retained${k}`,
    `count(*) FILTER (WHERE ${k} = ANY(fp.kept) OR fp.left_at <= ${k}) AS due${k}`,
  ]);
  const grouped = db
    .from(known.as('fp'))
    .join('org_units as s', 's.id', 'fp.street_id')
    .groupBy('fp.street_id', 's.name', 'fp.month')
    .select(
      db.raw(`fp.street_id || ':' || fp.month AS id`),
      'fp.street_id',
      's.name as street_name',
      'fp.month',
      db.raw('count(*) AS placed'),
      ...counts.map((c) => db.raw(c)),
    );
  return db.from(grouped.as('rep')).select('rep.*');
}
