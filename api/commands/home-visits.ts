import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import type { careFlagsBody } from '../../contract/home-visits.js';
import { NotFoundError } from '../../domain/errors.js';
import { careFlags, type CareFlag } from '../../domain/home-visits.js';
import { scopeToUser } from '../scope.js';
import type { RequestActor } from './request-actor.js';

/**
 * Sets a household's care flags, audited. The first flag starts its visit plan with a visit due
 * at once (the next planning pass plans it); clearing them all ends the plan, and visits already
 * planned stay as they are. Changing one flag for another keeps the plan's rhythm.
 */
export async function setCareFlags(
  db: Knex,
  actor: RequestActor,
  householdId: number,
  body: z.output<typeof careFlagsBody>,
): Promise<void> {
  const flags = careFlags.filter((f) => body.flags.includes(f));
  await db.transaction(async (trx) => {
    const h = await scopeToUser(trx, trx('households as h').where('h.id', householdId), actor.user, 'h.community_id')
      .forUpdate()
      .first('h.id', 'h.community_id', 'h.care_flags', 'h.visit_next_due_at');
    if (!h) throw new NotFoundError('户不存在或不在您的辖区');
    const before = h.care_flags as CareFlag[];
    if (before.length === flags.length && before.every((f, i) => f === flags[i])) return;
    const now = new Date();
    const patch = !flags.length
      ? { care_flags: flags, care_flags_since: null, visit_next_due_at: null }
      : !before.length
        ? { care_flags: flags, care_flags_since: now, visit_next_due_at: now }
        : { care_flags: flags };
    await trx('households')
      .where({ id: h.id })
      .update({ ...patch, updated_at: now });
    await writeAudit(trx, actor, {
      action: 'household.care_flags',
      entityType: 'household',
      entityId: h.id,
      orgUnitId: h.community_id,
      before: { flags: before },
      after: { flags, ...(body.note ? { note: body.note } : {}) },
    });
  });
}
