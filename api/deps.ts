import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Env } from '../config/env.js';
import type { ApiRegistry } from './openapi/registry.js';

export interface ApiDeps {
  db: Knex;
  temporal: Client;
  env: Env;
  version: string;
}

export interface RouteContext extends ApiDeps {
  registry: ApiRegistry;
}
