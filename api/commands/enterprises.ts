import type { Knex } from 'knex';
import type { z } from 'zod';
import type { enterpriseCreateBody } from '../../contract/enterprises.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError } from '../../domain/errors.js';
import { toApi } from '../read-models/enterprises.js';
import type { RequestActor } from './request-actor.js';

// A referring enterprise is added once, by name: a second one of the same name is refused.

export async function createEnterprise(db: Knex, actor: RequestActor, body: z.output<typeof enterpriseCreateBody>) {
  return db.transaction(async (trx) => {
    if (await trx('enterprises').where({ name: body.name }).first('id'))
      throw new ConflictError('企业已存在 (enterprise exists)');
    const [row] = await trx('enterprises')
      .insert({ name: body.name, credit_code: body.creditCode ?? null, contact: body.contact })
      .returning('*');
    await writeAudit(trx, actor, {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: row.id,
      after: body,
    });
    return toApi(row);
  });
}
