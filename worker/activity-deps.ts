import type { Knex } from 'knex';
import type { ActivityDeps } from '../activities/deps.js';
import { createSimulatedBank } from '../activities/bank/simulated.js';
import type { Env } from '../config/env.js';

/** The activities' dependencies in a worker: the database, the wall clock and the bank (the built-in simulator). */
export function activityDeps(db: Knex, env: Env): ActivityDeps {
  const clock = () => new Date();
  return { db, clock, bank: createSimulatedBank({ db, clock, failureRate: env.SHEQU_BANK_FAILURE_RATE, latencyMs: env.SHEQU_BANK_LATENCY_MS }) };
}
