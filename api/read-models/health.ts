import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';

// Whether the API's two dependencies answer; a failure is reported, never thrown.

export interface Probe {
  ok: boolean;
  version?: string;
  error?: string;
}

export const databaseHealth = (db: Knex): Promise<Probe> =>
  db
    .raw('SHOW server_version')
    .then((r) => ({ ok: true, version: String(r.rows[0].server_version) }))
    .catch((e: Error) => ({ ok: false, error: e.message }));

export const temporalHealth = (temporal: Client, namespace: string): Promise<Probe & { namespace: string }> =>
  temporal.workflowService
    .getSystemInfo({})
    .then((info) => ({ ok: true, version: info.serverVersion ?? 'unknown', namespace }))
    .catch((e: Error) => ({ ok: false, error: e.message, namespace }));
