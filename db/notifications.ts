import type { Knex } from 'knex';

// Who gets told what. Every notice is stored (the console's bell reads the table), in the
// transaction of the change it tells about; the dedupe key makes a retried activity notify once.
// Other channels (SMS, e-mail) plug in as Notifiers: they are handed each new notice after it
// is stored, and their failure never undoes the change.

export interface Notice {
  dedupeKey: string;
  kind: string;
  audienceRole: string;
  orgUnitId: number | null;
  entityType: string;
  entityId: string | number;
  message: string;
}

export interface Notifier {
  readonly name: string;
  send(notice: Notice): Promise<void>;
}

const channels: Notifier[] = [];

/** Adds a channel (an SMS gateway, a mail relay) for every notice stored from now on. */
export function addNotifier(n: Notifier): void {
  channels.push(n);
}

export async function notify(trx: Knex | Knex.Transaction, n: Notice): Promise<void> {
  const inserted = await trx('notifications')
    .insert({
      dedupe_key: n.dedupeKey,
      kind: n.kind,
      audience_role: n.audienceRole,
      org_unit_id: n.orgUnitId,
      entity_type: n.entityType,
      entity_id: String(n.entityId),
      message: n.message,
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id');
  if (!inserted.length || !channels.length) return;
  const send = () =>
    void Promise.allSettled(channels.map((c) => c.send(n))).then((results) =>
      results.forEach(
        (r, i) =>
          r.status === 'rejected' &&
          console.warn(`[notify] ${channels[i].name} failed: ${(r.reason as Error)?.message}`),
      ),
    );
  // Sent once the change is committed; a rolled-back change tells nobody.
  if ('executionPromise' in trx) trx.executionPromise.then(send, () => undefined);
  else send();
}
