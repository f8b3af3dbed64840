import type { Knex } from 'knex';

// What activities may touch, handed in by the worker (or a test) rather than imported.
export interface ActivityDeps {
  db: Knex;
  clock: () => Date;
}
