import type { Knex } from 'knex';
import { writeAudit } from '../../db/audit.js';
import { decryptPii } from '../../db/pii.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';

// What the API itself records about runs: who started one by hand, who took a bank file.
// Everything else a run does is its workflow's.

type By = { user: AuthUser; requestId?: string };

/** A start by hand, whether it started a run or found the period's existing one. */
export async function recordRunStart(db: Knex, by: By, period: string, outcome: 'started' | 'existing'): Promise<void> {
  await writeAudit(db, by, {
    action: outcome === 'started' ? 'disbursement.start' : 'disbursement.start_existing',
    entityType: 'disbursement_run',
    entityId: period,
  });
}

/** The bank file `seq` of a run, opened for download once the download is audited. */
export async function openBankFile(
  db: Knex,
  by: By,
  runId: number,
  seq: number,
): Promise<{ sha256: string; csv: string }> {
  const file = await db('bank_files').where({ run_id: runId, seq }).first();
  if (!file) throw new NotFoundError('银行文件尚未生成 (no bank file yet)');
  await writeAudit(db, by, {
    action: 'disbursement.bank_file_download',
    entityType: 'disbursement_run',
    entityId: runId,
    after: { seq, sha256: file.sha256 },
  });
  // Stored sealed; opened only here and for the bank.
  return { sha256: file.sha256, csv: decryptPii(file.content_enc) };
}
