import type { Knex } from 'knex';

// Walks the hash chain of audit_events (migration 010) and names the first broken link.
// The hash is recomputed by the same SQL function the insert trigger uses, so this module holds
// no second copy of the canonical form. Removing the newest events leaves a shorter chain that
// still verifies: compare the printed last hash with one recorded earlier to notice that.

export type ChainProblem = 'content_changed' | 'prev_hash_mismatch' | 'missing_event' | 'unchained';

export interface ChainBreak {
  /** The event at which the chain stops holding. */
  id: number;
  chainSeq: number;
  problem: ChainProblem;
  detail: string;
}

export type ChainReport =
  | { ok: true; events: number; lastHash: string | null; lastSeq: number }
  | { ok: false; eventsBefore: number; broken: ChainBreak };

interface ChainRow {
  id: string;
  chain_seq: string;
  prev_hash: string | null;
  hash: string;
  computed: string;
}

const problemText: Record<ChainProblem, string> = {
  content_changed: '内容被修改 (content changed)',
  prev_hash_mismatch: '前一哈希不符 (prev_hash mismatch)',
  missing_event: '缺少事件 (missing event)',
  unchained: '未入链 (not in the chain)',
};

export async function verifyAuditChain(db: Knex, opts: { pageSize?: number } = {}): Promise<ChainReport> {
  const pageSize = opts.pageSize ?? 5000;
  // One snapshot for all pages: events appended meanwhile are simply not part of this check.
  return db.transaction(
    async (trx) => {
      let lastSeq = 0;
      let lastHash: string | null = null;
      let lastId: number | undefined;
      let events = 0;
      // Every committed event is chained at its commit; one without a place was written with the trigger off.
      const loose = await trx('audit_events').whereNull('chain_seq').orderBy('id').first('id');
      if (loose)
        return {
          ok: false,
          eventsBefore: 0,
          broken: {
            id: Number(loose.id),
            chainSeq: 0,
            problem: 'unchained',
            detail: 'committed without a chain_seq, prev_hash or hash',
          },
        };
      for (;;) {
        const rows: ChainRow[] = await trx('audit_events as a')
          .where('a.chain_seq', '>', lastSeq)
          .orderBy('a.chain_seq')
          .limit(pageSize)
          .select('a.id', 'a.chain_seq', 'a.prev_hash', 'a.hash', trx.raw('audit_event_hash(a) AS computed'));
        for (const r of rows) {
          const id = Number(r.id);
          const seq = Number(r.chain_seq);
          const broken = (problem: ChainProblem, detail: string): ChainReport => ({
            ok: false,
            eventsBefore: events,
            broken: { id, chainSeq: seq, problem, detail },
          });
          if (seq !== lastSeq + 1) {
            const missing =
              seq - lastSeq - 1 === 1 ? `chain_seq ${lastSeq + 1}` : `chain_seq ${lastSeq + 1}–${seq - 1}`;
            return broken(
              'missing_event',
              `${missing} absent before this event${lastId === undefined ? ' (the chain must start at 1)' : ` (after event ${lastId})`}`,
            );
          }
          if (r.prev_hash !== lastHash) {
            return broken(
              'prev_hash_mismatch',
              lastId === undefined
                ? `the first event must have no prev_hash, has ${r.prev_hash}`
                : `prev_hash ${r.prev_hash} is not the hash ${lastHash} of event ${lastId}`,
            );
          }
          if (r.computed !== r.hash)
            return broken('content_changed', `stored hash ${r.hash}, content hashes to ${r.computed}`);
          lastSeq = seq;
          lastHash = r.hash;
          lastId = id;
          events++;
        }
        if (rows.length < pageSize) return { ok: true, events, lastHash, lastSeq };
      }
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/** One line for people: what the script prints, and what a failing test shows. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) return `audit chain verified: ${report.events} events, last hash ${report.lastHash ?? '(none)'}`;
  const b = report.broken;
  return (
    `audit chain BROKEN at event ${b.id} (chain_seq ${b.chainSeq}): ${problemText[b.problem]}: ${b.detail}; ` +
    `${report.eventsBefore} events before it verified`
  );
}
