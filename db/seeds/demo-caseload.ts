import type { Knex } from 'knex';
import { loadStandards } from '../allowance-standards.js';
import type { BenefitPolicy } from '../../domain/benefit-policy.js';
import type { BenefitStage } from '../../domain/benefit-stages.js';
import { importCaseload } from '../caseload-import.js';
import { inFlightCount, seedInFlightApplications } from './demo-applications.js';
import { demoCaseloadCsv, type DemoCommunity } from './demo-caseload-csv.js';
import { PeopleFactory, Rng } from './demo-people.js';
import { seedDemoTasks } from './demo-tasks.js';

// The launcher's demo district: the enrolled caseload of the source document, loaded through
// the same importCaseload a bureau uses (so the seed exercises that path), plus applications
// in flight at every stage. Runs once: any enrollment already present means a district is
// there (seeded, imported or grown by hand) and nothing is added.

const SEED_LOCK = 7423003;
const SEED = 20_260_101;

export interface DemoCaseloadOptions {
  now: Date;
  policy: BenefitPolicy;
  households?: number;
}

export type DemoCaseloadResult =
  | { loaded: false; enrollments: number }
  | {
      loaded: true;
      households: number;
      members: number;
      totalAmountFen: number;
      applications: number;
      byStage: Partial<Record<BenefitStage, number>>;
    };

export async function seedDemoCaseload(db: Knex, opts: DemoCaseloadOptions): Promise<DemoCaseloadResult> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [SEED_LOCK]);
    const [{ count }] = await trx('enrollments').count<{ count: string }[]>('* as count');
    if (Number(count) > 0) return { loaded: false as const, enrollments: Number(count) };

    const communities: DemoCommunity[] = (
      await trx('org_units as c')
        .join('org_units as s', 's.id', 'c.parent_id')
        .where('c.kind', 'community')
        .orderBy('c.code')
        .select('c.code', 'c.name', 'c.residents', 's.code as street_code')
    ).map((r) => ({ code: r.code, name: r.name, streetCode: r.street_code, residents: r.residents ?? 4000 }));
    const users = Object.fromEntries(
      (
        await trx('users')
          .whereIn('username', ['admin1', 'caseworker1', 'reviewer1', 'approver1'])
          .select('id', 'username', 'role')
      ).map((u) => [u.username, u]),
    );
    if (!communities.length || Object.keys(users).length < 4)
      throw new Error('demo caseload: run the org-structure seed first (communities and demo users missing)');
    const standards = await loadStandards(trx);

    // The cases in flight take the lowest ids, so the API's start-up sweep (in id order) has
    // the office's working queue running before it gets through the enrolled district.
    const { rows: reserved } = await trx.raw(
      `SELECT nextval('applications_id_seq')::int AS id FROM generate_series(1, ?)`,
      [inFlightCount],
    );

    const rng = new Rng(SEED);
    const people = new PeopleFactory(rng);
    const csv = demoCaseloadCsv(rng, people, { households: opts.households ?? 1313, communities, standards });
    const imported = await importCaseload(trx, csv, {
      actor: users.admin1,
      standards,
      now: opts.now,
      recheckDays: opts.policy.recheckDays,
      daySeconds: opts.policy.daySeconds,
      // Re-checks fall anywhere in the interval, as in an office that has run for years.
      recheckSpread: () => rng.next(),
    });
    if (!imported.ok) {
      const first = imported.errors.slice(0, 3).map((e) => `row ${e.row} ${e.field}: ${e.message}`);
      throw new Error(`demo caseload failed its own checks:\n  ${first.join('\n  ')}`);
    }

    const home = await trx('org_units as c')
      .join('org_units as s', 's.id', 'c.parent_id')
      .where('c.code', 'cd-01')
      .first('c.id', 'c.name', 's.id as street_id', 's.code as street_code');
    const inFlight = await seedInFlightApplications(trx, rng, people, {
      now: opts.now,
      policy: opts.policy,
      standards,
      applicationIds: reserved.map((r: { id: number }) => r.id),
      community: { id: home.id, streetId: home.street_id, name: home.name, streetCode: home.street_code },
      users: { caseworker1: users.caseworker1, reviewer1: users.reviewer1, approver1: users.approver1 },
    });
    await seedDemoTasks(trx, { now: opts.now, daySeconds: opts.policy.daySeconds });
    return {
      loaded: true as const,
      households: imported.households,
      members: imported.members,
      totalAmountFen: imported.totalAmountFen,
      applications: inFlight.applications,
      byStage: inFlight.byStage,
    };
  });
}
