import type { Knex } from 'knex';
import type { z } from 'zod';
import type { employerCreateBody } from '../../contract/employers.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError } from '../../domain/errors.js';
import { checkStreetOrTown } from '../read-models/streets.js';
import type { RequestActor } from './request-actor.js';

// An employer is added once, by name, on a street or town.

/** Answers the new employer's id. */
export async function createEmployer(
  db: Knex,
  actor: RequestActor,
  body: z.output<typeof employerCreateBody>,
): Promise<number> {
  return db.transaction(async (trx) => {
    await checkStreetOrTown(trx, body.streetId);
    if (await trx('employers').where({ name: body.name }).first('id'))
      throw new ConflictError('用人单位已存在 (employer exists)');
    const [row] = await trx('employers')
      .insert({
        name: body.name,
        street_id: body.streetId,
        address: body.address,
        contact: body.contact,
        phone: body.phone,
        created_by: actor.user.id,
      })
      .returning('id');
    await writeAudit(trx, actor, {
      action: 'employer.create',
      entityType: 'employer',
      entityId: row.id,
      orgUnitId: body.streetId,
      after: body,
    });
    return row.id as number;
  });
}
