import type { Knex } from 'knex';
import { writeAudit } from '../db/audit.js';

// One transition of a case, as the projection records it: the stage on the case row, one
// timeline row and one audit event, in the caller's transaction. The workflow numbers its
// transitions; a retried activity finds its seq taken and writes nothing. Shared by every kind
// of case (dibao applications, referrals) so they all keep the same timeline.

export interface CaseTables {
  cases: string;
  events: string;
  /** The events table's column naming the case. */
  caseColumn: string;
  /** Audit entity type and action prefix. */
  entity: string;
}

export interface CaseActor {
  id: number;
  username: string;
  role: string;
}

export interface CaseTransition {
  seq: number;
  from: string | null;
  to: string;
  decision: string;
  actor: CaseActor | null;
  comment?: string;
  details?: Record<string, unknown>;
  /** The new stage's deadline; null when it has none. */
  deadlineAt: string | null;
  /** Case columns changed together with the stage. */
  patch?: Record<string, unknown>;
  /** A deadline that spans stages (a referral's placement deadline) stays overdue once passed. */
  overdue?: boolean;
  /** An event within the stage (hours logged, a sign-up): the timeline only, the stage and its clock stay. */
  stay?: boolean;
}

export interface Recorded {
  applied: boolean;
  at: string;
  communityId: number;
}

export async function recordCaseTransition(
  trx: Knex.Transaction,
  tables: CaseTables,
  caseId: number,
  t: CaseTransition,
  now: Date,
): Promise<Recorded> {
  const row = await trx(tables.cases).where({ id: caseId }).forUpdate().first('stage', 'community_id');
  if (!row) throw new Error(`${tables.entity} ${caseId} does not exist`);
  const done = await trx(tables.events)
    .where({ [tables.caseColumn]: caseId, seq: t.seq })
    .first('at');
  if (done) return { applied: false, at: done.at.toISOString(), communityId: row.community_id };

  await trx(tables.cases)
    .where({ id: caseId })
    .update(
      t.stay
        ? { ...t.patch, updated_at: now }
        : {
            ...t.patch,
            stage: t.to,
            stage_since: now,
            deadline_at: t.deadlineAt,
            overdue: t.overdue ?? false,
            updated_at: now,
          },
    );
  await trx(tables.events).insert({
    [tables.caseColumn]: caseId,
    seq: t.seq,
    from_stage: t.from,
    to_stage: t.to,
    decision: t.decision,
    actor_id: t.actor?.id ?? null,
    actor_name: t.actor?.username ?? null,
    actor_role: t.actor?.role ?? null,
    comment: t.comment ?? '',
    details: t.details ? JSON.stringify(t.details) : null,
    deadline_at: t.stay ? null : t.deadlineAt,
    at: now,
  });
  await writeAudit(
    trx,
    { user: t.actor },
    {
      action: `${tables.entity}.${t.decision}`,
      entityType: tables.entity,
      entityId: caseId,
      orgUnitId: row.community_id,
      // The projection is the workflow's echo: if it was somewhere else, keep that visible.
      before: { stage: row.stage, ...(t.from && row.stage !== t.from ? { expected: t.from } : {}) },
      after: { stage: t.to, ...(t.comment ? { comment: t.comment } : {}), ...(t.details ?? {}) },
    },
  );
  return { applied: true, at: now.toISOString(), communityId: row.community_id };
}
