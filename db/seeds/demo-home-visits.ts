import type { Knex } from 'knex';
import { careFlags, defaultVisitPolicy, type CareFlag, type VisitPolicy } from '../../domain/home-visits.js';
import { runVisitPass } from '../home-visits.js';

// The demo's flagged households (孤老、重残、重病): a few in 东风社区 and one in each of the first
// communities of the other streets, their plans started with a visit due now, and one planning
// pass, so the console shows planned visits on the household and activity pages. Runs after the
// caseload and volunteer seeds (households and teams); once: any flagged household means done.

export async function seedDemoHomeVisits(
  db: Knex,
  now: Date,
  policy: VisitPolicy = defaultVisitPolicy,
): Promise<{ flagged: number; planned: number }> {
  if (await db('households').whereRaw('cardinality(care_flags) > 0').first('id')) return { flagged: 0, planned: 0 };
  const home = await db('households as h')
    .join('org_units as c', 'c.id', 'h.community_id')
    .where('c.code', 'cd-01')
    .orderBy('h.id')
    .limit(3)
    .pluck('h.id');
  const elsewhere = await db
    .from(
      db('households as h')
        .join('org_units as c', 'c.id', 'h.community_id')
        .join('org_units as s', 's.id', 'c.parent_id')
        .whereNot('s.code', 'cd')
        .select('h.id', db.raw('row_number() OVER (PARTITION BY s.id ORDER BY h.id) AS n'))
        .as('x'),
    )
    .where('x.n', 1)
    .orderBy('x.id')
    .limit(4)
    .pluck('x.id');
  const ids: number[] = [...home, ...elsewhere];
  const sets: CareFlag[][] = [['elderly_alone'], ['severely_disabled'], ['seriously_ill'], [...careFlags]];
  const since = new Date(now.getTime() - 40 * 86400_000);
  for (const [i, id] of ids.entries())
    await db('households')
      .where({ id })
      .update({ care_flags: sets[i % sets.length], care_flags_since: since, visit_next_due_at: now });
  const pass = await runVisitPass(db, now, policy);
  return { flagged: ids.length, planned: pass.planned };
}
