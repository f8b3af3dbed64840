import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DbRow } from '../../db/row.js';
import type { householdStorySchema } from '../../contract/household-story.js';

// A household's story across programmes (contract/household-story.ts). The caller has already
// checked the household is in the user's area; everything here hangs off it. Referrals belong
// to the household through its members' ID-number hashes, never the plaintext.

type Story = z.infer<typeof householdStorySchema>;

const TIMELINE_ROWS = 200;

export async function householdStory(db: Knex, householdId: number): Promise<Story> {
  const referrals: DbRow[] = await db('household_members as m')
    .join('job_seekers as s', 's.id_number_hash', 'm.id_number_hash')
    .join('referrals as r', 'r.seeker_id', 's.id')
    .where('m.household_id', householdId)
    .orderBy('r.id')
    .select('r.id as referral_id', 'r.stage', 'm.id as member_id', 'm.name as member_name');
  const referralIds = referrals.map((r) => r.referral_id as number);
  const placements: DbRow[] = referralIds.length
    ? await db('placements as p')
        .join('employers as e', 'e.id', 'p.employer_id')
        .whereIn('p.referral_id', referralIds)
        .orderBy('p.id')
        .select(
          'p.id',
          'p.referral_id',
          'p.job_title',
          'e.name as employer_name',
          'p.wage_fen',
          'p.start_date',
          'p.status',
        )
    : [];
  const followUps: DbRow[] = placements.length
    ? await db('follow_ups')
        .whereIn(
          'placement_id',
          placements.map((p) => p.id),
        )
        .orderBy(['placement_id', 'month'])
        .select('placement_id', 'month', 'due_at', 'status', 'wage_fen')
    : [];
  const payments: DbRow[] = await db('payments')
    .where({ household_id: householdId })
    .orderBy([
      { column: 'period', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(24)
    .select('id', 'period', 'kind', 'amount_fen', 'status', 'note');
  const incomeEvents: DbRow[] = await db('income_events')
    .where({ household_id: householdId })
    .orderBy('id')
    .select('event_id', 'kind', 'member_id', 'wage_fen', 'status', 'outcome', 'application_id', 'occurred_at');

  // One shape for both timelines (decisions and referral_events share their columns).
  const events = (table: string, caseColumn: string, programme: string) =>
    db(`${table} as d`)
      .leftJoin('users as u', 'u.id', 'd.actor_id')
      .select(
        db.raw('?::text AS programme', [programme]),
        `d.${caseColumn} as case_id`,
        'd.decision',
        'd.to_stage',
        db.raw('coalesce(u.display_name, d.actor_name) AS actor_name'),
        'd.actor_role',
        'd.comment',
        'd.at',
      );
  const dibao = events('decisions', 'application_id', 'dibao').whereIn(
    'd.application_id',
    db('applications').where({ household_id: householdId }).select('id'),
  );
  const work = events('referral_events', 'referral_id', 'referral').whereIn(
    'd.referral_id',
    referralIds.length ? referralIds : [0],
  );
  const timeline: DbRow[] = await db
    .select('*')
    .from(dibao.unionAll(work, true).as('t'))
    .orderBy('at', 'desc')
    .limit(TIMELINE_ROWS);
  const nameOfReferral = new Map(referrals.map((r) => [r.referral_id as number, r.member_name as string]));

  return {
    referrals: referrals.map((r) => ({
      referralId: r.referral_id,
      memberId: r.member_id,
      memberName: r.member_name,
      stage: r.stage,
      placements: placements
        .filter((p) => p.referral_id === r.referral_id)
        .map((p) => ({
          id: p.id,
          jobTitle: p.job_title,
          employerName: p.employer_name,
          wageFen: Number(p.wage_fen),
          startDate: String(p.start_date),
          status: p.status,
          followUps: followUps
            .filter((f) => f.placement_id === p.id)
            .map((f) => ({
              month: f.month,
              dueAt: f.due_at.toISOString(),
              status: f.status,
              wageFen: f.wage_fen === null ? null : Number(f.wage_fen),
            })),
        })),
    })),
    payments: payments.map((p) => ({
      id: Number(p.id),
      period: p.period,
      kind: p.kind,
      amountFen: Number(p.amount_fen),
      status: p.status,
      note: p.note,
    })),
    incomeEvents: incomeEvents.map((e) => ({
      eventId: e.event_id,
      kind: e.kind,
      memberId: e.member_id,
      wageFen: Number(e.wage_fen),
      status: e.status,
      outcome: e.outcome,
      applicationId: e.application_id,
      occurredAt: e.occurred_at.toISOString(),
    })),
    timeline: timeline.map((t) => ({
      programme: t.programme,
      caseId: t.case_id,
      memberName: t.programme === 'referral' ? (nameOfReferral.get(t.case_id) ?? null) : null,
      decision: t.decision,
      toStage: t.to_stage,
      actorName: t.actor_name,
      actorRole: t.actor_role,
      comment: t.comment,
      at: new Date(t.at).toISOString(),
    })),
  };
}
