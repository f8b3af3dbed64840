import type { Knex } from 'knex';
import { writeAudit } from '../db/audit.js';
import type { BenefitStage } from '../domain/benefit-stages.js';
import type { Actor } from '../workflows/benefit-case-messages.js';

// One transition of a case, as the projection records it: the stage on the application row,
// one `decisions` row (the timeline) and one audit event, in the caller's transaction. The
// workflow numbers its transitions; a retried activity finds its seq taken and writes nothing.

export interface Transition {
  applicationId: number;
  seq: number;
  from: BenefitStage | null;
  to: BenefitStage;
  decision: string;
  actor: Actor | null;
  comment?: string;
  details?: Record<string, unknown>;
  /** The new stage's deadline; null when it has none. */
  deadlineAt: string | null;
  /** Application columns changed together with the stage. */
  patch?: Record<string, unknown>;
}

export interface Recorded {
  applied: boolean;
  at: string;
  communityId: number;
}

export async function recordTransition(trx: Knex.Transaction, t: Transition, now: Date): Promise<Recorded> {
  const row = await trx('applications').where({ id: t.applicationId }).forUpdate().first('stage', 'community_id');
  if (!row) throw new Error(`application ${t.applicationId} does not exist`);
  const done = await trx('decisions').where({ application_id: t.applicationId, seq: t.seq }).first('at');
  if (done) return { applied: false, at: done.at.toISOString(), communityId: row.community_id };

  await trx('applications')
    .where({ id: t.applicationId })
    .update({ ...t.patch, stage: t.to, stage_since: now, deadline_at: t.deadlineAt, overdue: false, updated_at: now });
  await trx('decisions').insert({
    application_id: t.applicationId,
    seq: t.seq,
    from_stage: t.from,
    to_stage: t.to,
    decision: t.decision,
    actor_id: t.actor?.id ?? null,
    actor_name: t.actor?.username ?? null,
    actor_role: t.actor?.role ?? null,
    comment: t.comment ?? '',
    details: t.details ? JSON.stringify(t.details) : null,
    at: now,
  });
  await writeAudit(trx, { user: t.actor }, {
    action: `application.${t.decision}`,
    entityType: 'application',
    entityId: t.applicationId,
    orgUnitId: row.community_id,
    // The projection is the workflow's echo: if it was somewhere else, keep that visible.
    before: { stage: row.stage, ...(t.from && row.stage !== t.from ? { expected: t.from } : {}) },
    after: { stage: t.to, ...(t.comment ? { comment: t.comment } : {}), ...(t.details ?? {}) },
  });
  return { applied: true, at: now.toISOString(), communityId: row.community_id };
}
