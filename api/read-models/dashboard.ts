import type { Knex } from 'knex';
import type { z } from 'zod';
import type { dashboardSchema } from '../../contract/dashboard.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import type { AuthUser } from '../http/types.js';
import { seesWholeDistrict } from '../scope.js';

// The home page's figures, each one SQL aggregate over the projection (never rows loaded and
// counted here), within the user's area: district roles see the district, others their unit.

export type Dashboard = z.infer<typeof dashboardSchema>;

const WEEKS = 12;
const MONTHS = 12;

/** Monday of the Shanghai week `n` weeks before the current one, as YYYY-MM-DD. */
function mondayWeeksAgo(now: Date, n: number): string {
  const d = new Date(`${shanghaiDate(now)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * n);
  return d.toISOString().slice(0, 10);
}

function periodsBack(now: Date, n: number): string[] {
  const [y, m] = shanghaiDate(now).split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function dashboardFigures(db: Knex, user: AuthUser): Promise<Dashboard> {
  /** Restricts a query on a table with `community_id` to the user's area. */
  const inArea = (column: string) => (qb: Knex.QueryBuilder) => {
    if (!seesWholeDistrict(user))
      qb.whereIn(column, db('org_units').select('id').where('path', 'like', `${user.orgPath}%`));
  };

  const now = new Date();
  const monthStart = `${shanghaiDate(now).slice(0, 7)}-01`;
  const firstWeek = mondayWeeksAgo(now, WEEKS - 1);
  const open = () =>
    db('case_workflows as w').where('w.open', true).whereNot('w.kind', 'disbursement').modify(inArea('w.community_id'));

  const [byStage, byStreet, overdue, sla, stuck, runs, placements, minutes] = await Promise.all([
    open().groupBy('w.kind', 'w.stage').select('w.kind', 'w.stage').count({ count: '*' }),
    open()
      .join('org_units as s', 's.id', 'w.street_id')
      .groupBy('w.kind', 'w.street_id', 's.name')
      .select('w.kind', 'w.street_id', 's.name')
      .count({ count: '*' }),
    db('case_workflows as w')
      .where({ 'w.open': true, 'w.overdue': true })
      .modify((qb) => (seesWholeDistrict(user) ? qb : inArea('w.community_id')(qb.whereNot('w.kind', 'disbursement'))))
      .groupBy('w.kind')
      .select('w.kind')
      .count({ count: '*' }),
    // A stage left on time is a transition made by the deadline the previous one set.
    db.raw(
      `WITH ev AS (
           SELECT 'benefit' AS kind, e.application_id AS case_id, e.seq, e.at, e.deadline_at, a.community_id FROM decisions e JOIN applications a ON a.id = e.application_id
            WHERE e.from_stage IS DISTINCT FROM e.to_stage AND e.at >= ?::date - 180
           UNION ALL
           SELECT 'referral', e.referral_id, e.seq, e.at, e.deadline_at, r.community_id FROM referral_events e JOIN referrals r ON r.id = e.referral_id
            WHERE e.from_stage IS DISTINCT FROM e.to_stage AND e.at >= ?::date - 180
         ), legs AS (
           SELECT at, community_id, LAG(deadline_at) OVER (PARTITION BY kind, case_id ORDER BY seq) AS due FROM ev
         )
         SELECT to_char(date_trunc('week', at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week, count(*)::int AS completed, (count(*) FILTER (WHERE at <= due))::int AS on_time
           FROM legs
          WHERE due IS NOT NULL AND at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai' ${seesWholeDistrict(user) ? '' : `AND community_id IN (SELECT id FROM org_units WHERE path LIKE ?)`}
          GROUP BY 1`,
      seesWholeDistrict(user)
        ? [firstWeek, firstWeek, firstWeek]
        : [firstWeek, firstWeek, firstWeek, `${user.orgPath}%`],
    ),
    db('stuck_workflows as s')
      .modify((qb) => (seesWholeDistrict(user) ? qb : inArea('s.community_id')(qb)))
      .select(db.raw('unnest(s.reasons) AS reason'))
      .count({ count: '*' })
      .groupByRaw('1'),
    seesWholeDistrict(user)
      ? db('disbursement_runs')
          .where('period', '>=', periodsBack(now, MONTHS)[0])
          .whereNot('phase', 'rejected')
          .select('period', 'total_fen', 'lines')
      : Promise.resolve([]),
    db('placements as p')
      .where('p.start_date', '>=', monthStart)
      .modify(inArea('p.community_id'))
      .count({ count: '*' })
      .first(),
    db('volunteer_hours as h')
      .join('volunteers as v', 'v.id', 'h.volunteer_id')
      .where('h.status', 'confirmed')
      .where('h.decided_at', '>=', db.raw(`(?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [monthStart]))
      .modify(inArea('v.community_id'))
      .sum({ minutes: 'h.minutes' })
      .first(),
  ]);

  const weeks = new Map((sla.rows as { week: string; completed: number; on_time: number }[]).map((r) => [r.week, r]));
  const runByPeriod = new Map(
    (runs as { period: string; total_fen: string; lines: number }[]).map((r) => [r.period, r]),
  );
  const overdueByKind = Object.fromEntries(
    (overdue as { kind: string; count: string }[]).map((r) => [r.kind, Number(r.count)]),
  );
  return {
    openByStage: (byStage as { kind: string; stage: string; count: string }[]).map((r) => ({
      kind: r.kind,
      stage: r.stage,
      count: Number(r.count),
    })),
    openByStreet: (byStreet as { kind: string; street_id: number; name: string; count: string }[]).map((r) => ({
      streetId: r.street_id,
      streetName: r.name,
      kind: r.kind,
      count: Number(r.count),
    })),
    overdueNow: { total: Object.values(overdueByKind).reduce((a, b) => a + b, 0), byKind: overdueByKind },
    sla: Array.from({ length: WEEKS }, (_, i) => {
      const week = mondayWeeksAgo(now, WEEKS - 1 - i);
      const w = weeks.get(week);
      return {
        week,
        completed: w?.completed ?? 0,
        onTime: w?.on_time ?? 0,
        percent: w?.completed ? Math.round((1000 * w.on_time) / w.completed) / 10 : null,
      };
    }),
    stuckByReason: (stuck as { reason: string; count: string }[]).map((r) => ({
      reason: r.reason,
      count: Number(r.count),
    })),
    disbursements: seesWholeDistrict(user)
      ? periodsBack(now, MONTHS).map((period) => ({
          period,
          totalFen: Number(runByPeriod.get(period)?.total_fen ?? 0),
          lines: runByPeriod.get(period)?.lines ?? 0,
        }))
      : [],
    placementsThisMonth: Number((placements as { count?: string })?.count ?? 0),
    volunteerHoursThisMonth: Math.round(Number((minutes as { minutes?: string })?.minutes ?? 0) / 6) / 10,
  };
}
