import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from '@temporalio/client';
import knex from 'knex';
import { createApp } from '../api/app.js';
import { openApiDocument } from '../api/openapi/registry.js';
import { loadEnv } from '../config/env.js';

// Writes the API's OpenAPI document (what GET /api/openapi.json answers) to a file, without a
// database or a Temporal server: the routes are only registered, never called. `npm run lint`
// checks it with Redocly.

const out = resolve(process.argv[2] ?? 'test-results/openapi.json');
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const db = knex({ client: 'pg' }); // no connection is opened until a query runs, and none does
const temporal = new Client({ namespace: 'default' }); // lazily connecting; nothing is sent
const { registry } = createApp({ db, temporal, env: loadEnv({}), version });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(openApiDocument(registry, { version }), null, 2));
await db.destroy();
console.log(`OpenAPI document: ${out}`);
