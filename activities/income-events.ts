import { enrolledBenefitStages } from '../domain/benefit-stages.js';
import type { IncomeEvent, IncomeEventKind } from '../domain/employment-income.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import type { ActivityDeps } from './deps.js';

// The referral's side of employment income: is the seeker a member of a household on dibao?
// People are matched across programmes by their ID number's keyed hash, never its plaintext.
// The event is stored here (its id is unique) before the referral signals the dibao case, so
// the invariant "one review per placement event" can be checked from the database; a job lost
// by someone whose household left dibao within the monitoring window (24 months) becomes a task
// to invite the household back (主动发现).

export interface IncomeEventTarget {
  applicationId: number;
  event: IncomeEvent;
}

const MONITOR_MONTHS = 24;

export function createIncomeEventActivities({ db, clock }: ActivityDeps) {
  return {
    async incomeEventFor(a: {
      referralId: number;
      placementId: number;
      kind: IncomeEventKind;
      wageFen: number;
      eventId: string;
      /** Policy days a re-apply invitation has, as other caseworker steps. */
      taskDays: number;
      daySeconds: number;
    }): Promise<IncomeEventTarget | null> {
      return db.transaction(async (trx) => {
        const now = clock();
        const seeker = await trx('referrals as r')
          .join('job_seekers as s', 's.id', 'r.seeker_id')
          .where('r.id', a.referralId)
          .first('s.id_number_hash', 's.name');
        if (!seeker?.id_number_hash) return null;
        const onDibao = await trx('household_members as m')
          .join('applications as ap', 'ap.household_id', 'm.household_id')
          .where({ 'm.id_number_hash': seeker.id_number_hash, 'm.left_household': false })
          .whereIn('ap.stage', enrolledBenefitStages)
          .orderBy('ap.id', 'desc')
          .first('m.id as member_id', 'ap.id as application_id', 'ap.household_id', 'ap.community_id');
        if (onDibao) {
          const event: IncomeEvent = {
            eventId: a.eventId,
            kind: a.kind,
            memberId: onDibao.member_id,
            wageFen: a.wageFen,
            placementId: a.placementId,
            referralId: a.referralId,
            occurredAt: now.toISOString(),
          };
          const stored = await trx('income_events')
            .insert({
              event_id: event.eventId,
              kind: event.kind,
              application_id: onDibao.application_id,
              household_id: onDibao.household_id,
              member_id: event.memberId,
              placement_id: event.placementId,
              referral_id: event.referralId,
              community_id: onDibao.community_id,
              wage_fen: event.wageFen,
              occurred_at: now,
            })
            .onConflict('event_id')
            .ignore()
            .returning('id');
          // A retry sends the stored event again (the case applies it once), not a new one.
          if (!stored.length) {
            const row = await trx('income_events').where({ event_id: a.eventId }).first();
            return {
              applicationId: row.application_id,
              event: { ...event, memberId: row.member_id, occurredAt: row.occurred_at.toISOString() },
            };
          }
          return { applicationId: onDibao.application_id, event };
        }
        if (a.kind !== 'left') return null;
        const since = new Date(now);
        since.setUTCMonth(since.getUTCMonth() - MONITOR_MONTHS);
        const exited = await trx('household_members as m')
          .join('enrollments as e', 'e.household_id', 'm.household_id')
          .join('applications as ap', 'ap.id', 'e.application_id')
          .where({ 'm.id_number_hash': seeker.id_number_hash, 'e.status': 'terminated' })
          .where('e.effective_to', '>=', since.toISOString().slice(0, 10))
          .orderBy('e.effective_to', 'desc')
          .first('e.household_id', 'e.application_id', 'ap.community_id', 'e.effective_to');
        if (exited)
          await trx('casework_tasks')
            .insert({
              kind: 'reapply_invitation',
              source_key: `reapply:${a.eventId}`,
              household_id: exited.household_id,
              application_id: exited.application_id,
              community_id: exited.community_id,
              title: `${seeker.name} 已离职：其家庭 ${String(exited.effective_to)} 退出低保未满 ${MONITOR_MONTHS} 个月，请主动联系、邀请重新申请`,
              details: JSON.stringify({
                referralId: a.referralId,
                placementId: a.placementId,
                exitedOn: exited.effective_to,
              }),
              due_at: new Date(now.getTime() + policyDaysToMs(a.taskDays, a.daySeconds)),
            })
            .onConflict('source_key')
            .ignore();
        return null;
      });
    },
  };
}
