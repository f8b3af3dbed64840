import type { Knex } from 'knex';
import { ValidationError } from '../../domain/errors.js';

// Employers and job openings are recorded on a street or a town: matching measures distance by
// it, and the placement report counts by it.

/** Refuses `streetId` unless it names a street or a town (`q`: the caller's transaction, if any). */
export async function checkStreetOrTown(q: Knex, streetId: number): Promise<void> {
  const s = await q('org_units').where({ id: streetId }).first('kind');
  if (s?.kind !== 'street' && s?.kind !== 'town')
    throw new ValidationError('请选择街道 (choose a street)', {
      streetId: '请选择街道或镇 (must be a street or town)',
    });
}
