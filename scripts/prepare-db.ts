import { createDb, migrateLatest } from '../db/knexfile.js';
import { seedDemo, type SeedResult } from '../db/seeds/demo.js';

/** Migrates to the latest schema and loads the (idempotent) demo seed. */
export async function prepareDatabase(url: string, demoPassword: string): Promise<{ applied: string[]; seed: SeedResult }> {
  const db = createDb(url, { min: 0, max: 2 });
  try {
    const applied = await migrateLatest(db);
    const seed = await seedDemo(db, { password: demoPassword });
    return { applied, seed };
  } finally {
    await db.destroy();
  }
}
