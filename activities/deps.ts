import type { Knex } from 'knex';
import type { BankGateway } from './bank/gateway.js';
import type { SuitabilityChecker } from './suitability/checker.js';
import type { WatchTarget } from './reconcile.js';

// What activities may touch, handed in by the worker (or a test) rather than imported.
export interface ActivityDeps {
  db: Knex;
  clock: () => Date;
  bank: BankGateway;
  suitability: SuitabilityChecker;
  /** Temporal, for the watcher that compares the projection with the workflows. */
  watch?: WatchTarget;
}
