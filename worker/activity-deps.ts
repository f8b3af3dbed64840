import type { Knex } from 'knex';
import type { ActivityDeps } from '../activities/deps.js';
import { createSimulatedBank } from '../activities/bank/simulated.js';
import { createSimulatedRegistry } from '../activities/suitability/simulated.js';
import type { SuitabilityChecker } from '../activities/suitability/checker.js';
import type { WatchTarget } from '../activities/reconcile.js';
import type { Env } from '../config/env.js';

/** The activities' dependencies in a worker: the database, the wall clock, the bank and the suitability registry (built-in simulators unless given). */
export function activityDeps(
  db: Knex,
  env: Env,
  o: { suitability?: SuitabilityChecker; watch?: WatchTarget } = {},
): ActivityDeps {
  const clock = () => new Date();
  return {
    db,
    clock,
    bank: createSimulatedBank({
      db,
      clock,
      failureRate: env.SHEQU_BANK_FAILURE_RATE,
      latencyMs: env.SHEQU_BANK_LATENCY_MS,
    }),
    suitability: o.suitability ?? createSimulatedRegistry(),
    watch: o.watch,
  };
}
