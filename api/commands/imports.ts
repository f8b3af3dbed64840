import type { Knex } from 'knex';
import type { z } from 'zod';
import type { importBody } from '../../contract/imports.js';
import { importCaseload, type CaseloadImportOptions, type CaseloadImportResult } from '../../db/caseload-import.js';
import type { CaseloadRowError } from '../../domain/caseload-csv.js';
import { ValidationError, type FieldErrors } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';

// A caseload CSV loaded all or nothing (db/caseload-import.ts does the work); a file with bad
// rows is refused as a whole, each problem named by row and column.

/** `{ "row 3 id_number": message }`: what react-admin shows and a person can find in the sheet. */
export function rowErrors(errors: readonly CaseloadRowError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = `row ${e.row} ${e.field}`;
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}

export type LoadedCaseload = Extract<CaseloadImportResult, { ok: true }>;

export async function loadCaseload(
  db: Knex,
  { user, requestId }: { user: AuthUser; requestId?: string },
  body: z.output<typeof importBody>,
  policy: Pick<CaseloadImportOptions, 'recheckDays' | 'daySeconds'>,
): Promise<LoadedCaseload> {
  const result = await importCaseload(db, body.csv, {
    actor: user,
    requestId,
    dryRun: body.dryRun,
    now: new Date(),
    recheckDays: policy.recheckDays,
    daySeconds: policy.daySeconds,
  });
  if (!result.ok) {
    const n = result.errors.length;
    throw new ValidationError(
      `导入文件有${n}处错误，未导入任何数据 (${n} problem(s) in the file; nothing was loaded)`,
      rowErrors(result.errors),
    );
  }
  return result;
}
