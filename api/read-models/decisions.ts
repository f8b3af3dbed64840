import type { DbRow } from '../../db/row.js';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { decisionSchema } from '../../contract/decisions.js';

// The case timeline: one row per transition, oldest first (its shape: contract/decisions.ts;
// re-exported for the read-models of every kind of case).

export { decisionSchema };

/** A timeline row (of `decisions` or `referral_events`) joined with its actor's display name. */
export const toDecision = (r: DbRow): z.infer<typeof decisionSchema> => ({
  id: Number(r.id),
  seq: r.seq,
  fromStage: r.from_stage,
  toStage: r.to_stage,
  decision: r.decision,
  actorName: r.display_name ?? r.actor_name,
  actorRole: r.actor_role,
  comment: r.comment,
  details: r.details,
  at: r.at.toISOString(),
});

/** The timeline of a case from its events table, oldest first. */
export async function timelineOf(
  db: Knex,
  applicationId: number,
  table = 'decisions',
  caseColumn = 'application_id',
): Promise<z.infer<typeof decisionSchema>[]> {
  const rows = await db(`${table} as d`)
    .leftJoin('users as u', 'u.id', 'd.actor_id')
    .where(`d.${caseColumn}`, applicationId)
    .orderBy('d.seq')
    .select('d.*', 'u.display_name');
  return rows.map(toDecision);
}
