import type { Knex } from 'knex';

// The built-in notifier: a row per message for a role in an area, written in the transaction of
// the change it tells about. The dedupe key makes a retried activity notify once.

export interface Notice {
  dedupeKey: string;
  kind: string;
  audienceRole: string;
  orgUnitId: number | null;
  entityType: string;
  entityId: string | number;
  message: string;
}

export async function notify(trx: Knex | Knex.Transaction, n: Notice): Promise<void> {
  await trx('notifications')
    .insert({ dedupe_key: n.dedupeKey, kind: n.kind, audience_role: n.audienceRole, org_unit_id: n.orgUnitId, entity_type: n.entityType, entity_id: String(n.entityId), message: n.message })
    .onConflict('dedupe_key')
    .ignore();
}
