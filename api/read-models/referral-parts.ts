import type { Knex } from 'knex';
import type { z } from 'zod';
import type { referralPartsSchema } from '../../contract/referrals.js';
import { timelineOf } from './decisions.js';

// What happened along a referral: the latest ranking, the proposal, interviews, placements,
// follow-up tasks and the timeline. Each is a short query on its own table; what they answer
// is contract/referrals.ts (referralPartsSchema).

type Parts = z.infer<typeof referralPartsSchema>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const opening = (db: Knex, table: string, alias: string) =>
  db(`${table} as ${alias}`)
    .join('job_openings as o', 'o.id', `${alias}.opening_id`)
    .join('employers as e', 'e.id', 'o.employer_id');

export async function referralParts(db: Knex, r: { id: number; proposed_opening_id: number | null }): Promise<Parts> {
  const [matches, proposal, interviews, placements, followUps, events] = await Promise.all([
    opening(db, 'referral_matches', 'm')
      .join('org_units as s', 's.id', 'o.street_id')
      .where('m.referral_id', r.id)
      .orderBy('m.rank')
      .select(
        'm.*',
        'o.title',
        'o.wage_min_fen',
        'o.wage_max_fen',
        'o.places_left',
        'o.status',
        'e.name as employer_name',
        's.name as street_name',
      ),
    r.proposed_opening_id
      ? db('job_openings as o')
          .join('employers as e', 'e.id', 'o.employer_id')
          .where('o.id', r.proposed_opening_id)
          .first('o.id', 'o.title', 'e.name as employer_name')
      : null,
    opening(db, 'interviews', 'i')
      .where('i.referral_id', r.id)
      .orderBy('i.id')
      .select('i.*', 'o.title', 'e.name as employer_name'),
    db('placements as p')
      .join('employers as e', 'e.id', 'p.employer_id')
      .where('p.referral_id', r.id)
      .orderBy('p.id')
      .select('p.*', 'e.name as employer_name'),
    db('follow_ups').where({ referral_id: r.id }).orderBy(['placement_id', 'month']),
    timelineOf(db, r.id, 'referral_events', 'referral_id'),
  ]);
  return {
    matches: matches.map((m) => ({
      rank: m.rank,
      openingId: m.opening_id,
      title: m.title,
      employerName: m.employer_name,
      streetName: m.street_name,
      wageMinFen: Number(m.wage_min_fen),
      wageMaxFen: Number(m.wage_max_fen),
      placesLeft: m.places_left,
      status: m.status,
      score: m.score,
      reasons: m.reasons,
    })),
    proposal: proposal ? { openingId: proposal.id, title: proposal.title, employerName: proposal.employer_name } : null,
    interviews: interviews.map((i) => ({
      id: i.id,
      openingId: i.opening_id,
      title: i.title,
      employerName: i.employer_name,
      scheduledAt: i.scheduled_at.toISOString(),
      place: i.place,
      outcome: i.outcome,
      reason: i.reason,
      remindedAt: iso(i.reminded_at),
    })),
    placements: placements.map((p) => ({
      id: p.id,
      openingId: p.opening_id,
      employerName: p.employer_name,
      jobTitle: p.job_title,
      wageFen: Number(p.wage_fen),
      startDate: p.start_date,
      status: p.status,
      leftReason: p.left_reason,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      placementId: f.placement_id,
      month: f.month,
      dueAt: f.due_at.toISOString(),
      status: f.status,
      reason: f.reason,
      recordedAt: iso(f.recorded_at),
    })),
    decisions: events,
  };
}
