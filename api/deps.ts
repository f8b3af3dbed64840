import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Env } from '../config/env.js';
import type { UpdateCase } from './temporal/case-updates.js';
import type { ApiRegistry } from './openapi/registry.js';

export interface ApiDeps {
  db: Knex;
  temporal: Client;
  env: Env;
  version: string;
  /** Off only for the intake benchmark's floor: the same API path without starting workflows. */
  startWorkflows?: boolean;
}

export interface RouteContext extends ApiDeps {
  registry: ApiRegistry;
  /** Every Workflow Update goes through this: one wait bound, the Idempotency-Key as Update ID. */
  updateCase: UpdateCase;
}
