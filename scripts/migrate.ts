import { loadEnv } from '../config/env.js';
import { prepareDatabase } from './prepare-db.js';

// `npm run migrate` against DATABASE_URL (production deploys run this before starting processes).
const env = loadEnv();
if (!env.DATABASE_URL) throw new Error('set DATABASE_URL');
const { applied, seed } = await prepareDatabase(env.DATABASE_URL, env.SHEQU_DEMO_PASSWORD);
console.log(
  `migrations applied: ${applied.length ? applied.join(', ') : 'none (up to date)'}; org units: ${seed.orgUnits}`,
);
