import type { Knex } from 'knex';
import type { z } from 'zod';
import type { createStandardBody } from '../../contract/allowance-standards.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError } from '../../domain/errors.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import type { AuthUser } from '../http/types.js';
import { standardToApi, type AllowanceStandard } from '../read-models/allowance-standards.js';

// A policy change is a new row from its date, never an edit of a standard that amounts already
// paid were computed on.

export async function createStandard(
  db: Knex,
  { user, requestId }: { user: AuthUser; requestId?: string },
  body: z.output<typeof createStandardBody>,
): Promise<AllowanceStandard> {
  // Amounts of months already begun were computed on the old standard: only later dates.
  if (body.effectiveFrom <= shanghaiDate(new Date()))
    throw new ConflictError('只能新增今后生效的标准 (a new standard must start after today)');
  return db.transaction(async (trx) => {
    const [row] = await trx('allowance_standards')
      .insert({
        effective_from: body.effectiveFrom,
        standard_fen: body.standardFen,
        floor_per_person_fen: body.floorPerPersonFen,
        note: body.note,
        created_by: user.id,
      })
      .onConflict('effective_from')
      .ignore()
      .returning('*');
    if (!row) throw new ConflictError(`${body.effectiveFrom} 已有标准 (a standard already starts on that date)`);
    await writeAudit(
      trx,
      { user, requestId },
      { action: 'allowance_standard.create', entityType: 'allowance_standard', entityId: row.id, after: body },
    );
    return standardToApi(row);
  });
}
