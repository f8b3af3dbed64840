import { matchingRulesInForce } from '../db/matching-rules.js';
import { enrolledBenefitStages } from '../domain/benefit-stages.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import {
  refusalReviewDetails,
  refusalReviewDue,
  type OfferAnswer,
  type RefusalReasonKind,
} from '../domain/refusal-review.js';
import { shanghaiDate } from '../domain/shanghai-date.js';
import type { ActivityDeps } from './deps.js';

// §45 after a declined offer: is the seeker a member of an enrolled dibao household, and does
// this refusal complete a run of unjustified refusals (domain/refusal-review.ts)? Then the
// household's community caseworker gets one `refusal_review` task. Her answers are read across
// all her referrals (a person, by ID-number hash, not one referral), from the day her household
// was enrolled: refusals before it were not a dibao member's. The task's key names the refusal
// that completed the run, so a retry, or a later refusal, adds no second task for it.

export function createRefusalReviewActivities({ db, clock }: ActivityDeps) {
  return {
    async reviewRefusals(a: {
      referralId: number;
      /** The decline's transition number. */
      seq: number;
      /** Policy days the caseworker has for the review, as other caseworker steps. */
      taskDays: number;
      daySeconds: number;
    }): Promise<{ taskId: number | null }> {
      return db.transaction(async (trx) => {
        const now = clock();
        const decline = await trx('referral_events as e')
          .join('referrals as r', 'r.id', 'e.referral_id')
          .join('job_seekers as s', 's.id', 'r.seeker_id')
          .where({ 'e.referral_id': a.referralId, 'e.seq': a.seq })
          .first('e.id', 'e.decision', 's.id_number_hash', 's.name');
        if (!decline || decline.decision !== 'decline' || !decline.id_number_hash) return { taskId: null };
        const member = await trx('household_members as m')
          .join('applications as ap', 'ap.household_id', 'm.household_id')
          .join('enrollments as en', 'en.application_id', 'ap.id')
          .where({ 'm.id_number_hash': decline.id_number_hash, 'm.left_household': false })
          .whereIn('ap.stage', enrolledBenefitStages)
          .orderBy('ap.id', 'desc')
          .first(
            'm.id',
            'm.name',
            'm.birth_date',
            'm.disabled',
            'ap.id as application_id',
            'ap.household_id',
            'ap.community_id',
            'en.created_at as enrolled_at',
          );
        // A disabled member is not presumed able to work (§45 speaks of members 有劳动能力).
        if (!member || member.disabled) return { taskId: null };
        const rows = await trx('referral_events as e')
          .join('referrals as r', 'r.id', 'e.referral_id')
          .join('job_seekers as s', 's.id', 'r.seeker_id')
          .leftJoin('job_openings as o', (j) => j.on('o.id', '=', trx.raw(`(e.details->>'openingId')::int`)))
          .leftJoin('employers as emp', 'emp.id', 'o.employer_id')
          .where('s.id_number_hash', decline.id_number_hash)
          .whereIn('e.decision', ['decline', 'accept'])
          .where('e.at', '>=', member.enrolled_at)
          .orderBy([{ column: 'e.at' }, { column: 'e.id' }])
          .select(
            'e.id',
            'e.at',
            'e.decision',
            'e.comment',
            'e.referral_id',
            'e.details',
            'o.id as opening_id',
            'o.title',
            'emp.name as employer',
          );
        const answers: OfferAnswer[] = rows.map((r) => ({
          eventId: Number(r.id),
          at: r.at.toISOString(),
          accepted: r.decision === 'accept',
          reasonKind: (r.details?.reasonKind as RefusalReasonKind | undefined) ?? null,
          reason: r.comment,
          referralId: r.referral_id,
          openingId: r.opening_id ?? null,
          title: r.title ?? null,
          employer: r.employer ?? null,
        }));
        const rules = await matchingRulesInForce(trx, shanghaiDate(now));
        const run = refusalReviewDue(answers, String(member.birth_date), rules, Number(decline.id));
        if (!run) return { taskId: null };
        const sourceKey = `refusal-review:member-${member.id}:event-${decline.id}`;
        const [task] = await trx('casework_tasks')
          .insert({
            kind: 'refusal_review',
            source_key: sourceKey,
            household_id: member.household_id,
            application_id: member.application_id,
            community_id: member.community_id,
            title: `${member.name} 无正当理由连续${run.length}次拒绝推荐岗位，请复核是否减发其本人低保金`,
            details: JSON.stringify(refusalReviewDetails(member.id, run)),
            due_at: new Date(now.getTime() + policyDaysToMs(a.taskDays, a.daySeconds)),
          })
          .onConflict('source_key')
          .ignore()
          .returning('id');
        if (task) return { taskId: Number(task.id) };
        const existing = await trx('casework_tasks').where({ source_key: sourceKey }).first('id');
        return { taskId: Number(existing.id) };
      });
    },
  };
}
