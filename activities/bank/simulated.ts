import type { Knex } from 'knex';
import { decryptPii, encryptPii } from '../../db/pii.js';
import { parseBankFile, simulatedBankOutcome } from '../../domain/disbursement.js';
import type { BankGateway } from './gateway.js';

/**
 * The built-in bank for demos and tests: it keeps what it was sent, answers each line once
 * `latencyMs` has passed, and fails a share of lines (closed account, name mismatch) chosen by a
 * hash of line and account, so a replay or a crash sees the same answers and a corrected
 * account gets a fresh one. Its copy of each file lives in our database, so it is sealed like ours.
 */
export function createSimulatedBank({
  db,
  clock,
  failureRate,
  latencyMs,
}: {
  db: Knex;
  clock: () => Date;
  failureRate: number;
  latencyMs: number;
}): BankGateway {
  return {
    async submit(file) {
      const batchId = `sim-${file.runId}-${file.seq}-${file.sha256.slice(0, 12)}`;
      await db('sim_bank_batches')
        .insert({ batch_id: batchId, content_enc: encryptPii(file.content), received_at: clock() })
        .onConflict('batch_id')
        .ignore();
      return { batchId };
    },
    async answers(batchId) {
      const batch = await db('sim_bank_batches').where({ batch_id: batchId }).first();
      if (!batch) throw new Error(`simulated bank: unknown batch ${batchId}`);
      if (clock().getTime() < batch.received_at.getTime() + latencyMs) return [];
      return parseBankFile(decryptPii(batch.content_enc)).map((l) => {
        const outcome = simulatedBankOutcome(l.lineId, l.account, failureRate);
        return outcome.ok
          ? { lineId: l.lineId, paid: true }
          : { lineId: l.lineId, paid: false, reason: outcome.reason };
      });
    },
  };
}
