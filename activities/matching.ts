import type { Knex } from 'knex';
import { matchingRulesInForce } from '../db/matching-rules.js';
import { enrolledBenefitStages } from '../domain/benefit-stages.js';
import { MATCH_LIMIT, rankOpenings, type DibaoHousehold, type OpeningProfile } from '../domain/matching.js';
import { shanghaiDate } from '../domain/shanghai-date.js';
import type { ActivityDeps } from './deps.js';
import { recordReferralTransition } from './referrals.js';

// Ranks the open openings for a seeker and keeps the top ten with their reasons; a re-run
// replaces the list. The run is one timeline entry (keyed by seq, recorded like any transition
// that stays in its stage), so the stage and its clock are left alone.

/**
 * The seeker's dibao household (a member, by ID-number hash, of a household whose case is
 * enrolled) and how many of its other members work: a placement active or retained, of a
 * seeker with another member's hash. Her own placements do not count — she is looking for work.
 */
export async function dibaoHouseholdOf(
  trx: Knex.Transaction,
  idNumberHash: string | null,
): Promise<DibaoHousehold | null> {
  if (!idNumberHash) return null;
  const member = await trx('household_members as m')
    .join('applications as ap', 'ap.household_id', 'm.household_id')
    .where({ 'm.id_number_hash': idNumberHash, 'm.left_household': false })
    .whereIn('ap.stage', enrolledBenefitStages)
    .orderBy('ap.id', 'desc')
    .first('m.household_id');
  if (!member) return null;
  const [{ count }] = await trx('household_members as o')
    .join('job_seekers as s', 's.id_number_hash', 'o.id_number_hash')
    .join('placements as p', 'p.seeker_id', 's.id')
    .where({ 'o.household_id': member.household_id, 'o.left_household': false })
    .whereNot('o.id_number_hash', idNumberHash)
    .whereIn('p.status', ['active', 'retained'])
    .countDistinct('o.id as count');
  return { employedMembers: Number(count) };
}

export function createMatchingActivities({ db, clock }: ActivityDeps) {
  return {
    async rankReferral({
      referralId,
      seq,
      excluded,
    }: {
      referralId: number;
      seq: number;
      excluded: number[];
    }): Promise<{ matches: number }> {
      return db.transaction(async (trx) => {
        const done = await trx('referral_events').where({ referral_id: referralId, seq }).first('details');
        if (done) return { matches: Number(done.details?.matches ?? 0) };
        const r = await trx('referrals as r')
          .join('job_seekers as s', 's.id', 'r.seeker_id')
          .where('r.id', referralId)
          .forUpdate('r')
          .first('r.stage', 'r.community_id', 'r.street_id', 's.*');
        // Distance is counted in streets, in the district's order of streets.
        const streets: number[] = await trx('org_units').where({ kind: 'street' }).orderBy('id').pluck('id');
        const order = (id: number) => Math.max(0, streets.indexOf(id));
        const rows = await trx('job_openings').where({ status: 'open' }).where('places_left', '>', 0);
        const openings: OpeningProfile[] = rows.map((o) => ({
          id: o.id,
          requiredSkills: o.required_skills,
          preferredSkills: o.preferred_skills,
          streetOrder: order(o.street_id),
          wageMinFen: Number(o.wage_min_fen),
          wageMaxFen: Number(o.wage_max_fen),
          hoursPerWeek: o.hours_per_week,
          physical: o.physical,
          placesLeft: o.places_left,
          open: true,
        }));
        const now = clock();
        const rules = await matchingRulesInForce(trx, shanghaiDate(now));
        const ranked = rankOpenings(
          {
            skills: r.skills,
            streetOrder: order(r.street_id),
            expectedWageFen: r.expected_wage_fen === null ? null : Number(r.expected_wage_fen),
            maxHoursPerWeek: r.max_hours_per_week,
            noPhysicalWork: r.no_physical_work,
            dibaoHousehold: await dibaoHouseholdOf(trx, r.id_number_hash),
          },
          openings,
          excluded,
          MATCH_LIMIT,
          rules,
        );
        await trx('referral_matches').where({ referral_id: referralId }).delete();
        if (ranked.length)
          await trx('referral_matches').insert(
            ranked.map((m, i) => ({
              referral_id: referralId,
              rank: i + 1,
              opening_id: m.openingId,
              score: m.score,
              reasons: JSON.stringify(m.reasons),
            })),
          );
        const details = { matches: ranked.length, best: ranked[0]?.score ?? null, openings: openings.length };
        await recordReferralTransition(
          trx,
          {
            referralId,
            seq,
            from: r.stage,
            to: r.stage,
            decision: 'matched',
            actor: null,
            deadlineAt: null,
            stay: true,
            details,
            patch: { matched_at: now },
          },
          now,
        );
        return { matches: ranked.length };
      });
    },
  };
}
