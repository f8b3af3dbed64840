import { createDb, migrateLatest } from '../db/knexfile.js';
import { seedDemoCaseload, type DemoCaseloadResult } from '../db/seeds/demo-caseload.js';
import { seedDemo, type SeedResult } from '../db/seeds/demo.js';
import { seedDemoReferrals } from '../db/seeds/demo-referrals.js';
import { seedDemoHomeVisits } from '../db/seeds/demo-home-visits.js';
import { seedDemoVolunteers } from '../db/seeds/demo-volunteers.js';
import { defaultBenefitPolicy, type BenefitPolicy } from '../domain/benefit-policy.js';

export interface PrepareOptions {
  /** Also load the demo district's caseload (the launcher does; tests and benchmarks keep their template small). */
  demoCaseload?: boolean;
  policy?: BenefitPolicy;
  now?: Date;
}

/** Migrates to the latest schema and loads the (idempotent) demo seed. */
export async function prepareDatabase(
  url: string,
  demoPassword: string,
  opts: PrepareOptions = {},
): Promise<{ applied: string[]; seed: SeedResult; caseload?: DemoCaseloadResult }> {
  const db = createDb(url, { min: 0, max: 2 });
  try {
    const applied = await migrateLatest(db);
    const seed = await seedDemo(db, { password: demoPassword });
    const caseload = opts.demoCaseload
      ? await seedDemoCaseload(db, { now: opts.now ?? new Date(), policy: opts.policy ?? defaultBenefitPolicy })
      : undefined;
    if (opts.demoCaseload) {
      await seedDemoReferrals(db, opts.now ?? new Date());
      await seedDemoVolunteers(db, opts.now ?? new Date());
      await seedDemoHomeVisits(db, opts.now ?? new Date());
    }
    return { applied, seed, ...(caseload ? { caseload } : {}) };
  } finally {
    await db.destroy();
  }
}
