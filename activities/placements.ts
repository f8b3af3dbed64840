import { writeAudit } from '../db/audit.js';
import { notify } from '../db/notifications.js';
import type { FollowUpOutcome, ReferralStage } from '../domain/referral-stages.js';
import type { Actor } from '../domain/actor.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';
import { recordReferralTransition } from './referrals.js';

// Placing a seeker and following up on the job. A placement takes one place from its opening
// in the same transaction, guarded by `places_left > 0`: two placements racing for the last
// place cannot both commit, and the loser is told so (409) while her referral stays in
// `interview`. A retried activity finds its placement by (referral, seq) and takes nothing.

export function createPlacementActivities({ db, clock }: ActivityDeps) {
  return {
    async placeSeeker({
      referralId,
      seq,
      actor,
      interviewId,
      wageFen,
      startDate,
    }: {
      referralId: number;
      seq: number;
      actor: Actor;
      interviewId: number;
      wageFen: number;
      startDate: string;
    }) {
      return db.transaction(async (trx) => {
        const existing = await trx('placements').where({ referral_id: referralId, seq }).first('id', 'created_at');
        if (existing) return { at: existing.created_at.toISOString() as string, placementId: existing.id as number };
        const interview = await trx('interviews')
          .where({ id: interviewId, referral_id: referralId })
          .first('opening_id');
        const [opening] = await trx('job_openings')
          .where({ id: interview.opening_id, status: 'open' })
          .where('places_left', '>', 0)
          .update({ places_left: trx.raw('places_left - 1'), updated_at: clock() })
          .returning(['id', 'title', 'employer_id', 'places_left']);
        if (!opening)
          throw refusal(
            'ConflictError',
            '该岗位已没有空缺，未能安置，请重新匹配或联系用人单位 (the opening has no place left)',
          );
        const r = await trx('referrals').where({ id: referralId }).first('seeker_id', 'community_id', 'street_id');
        const [placement] = await trx('placements')
          .insert({
            referral_id: referralId,
            seq,
            seeker_id: r.seeker_id,
            opening_id: opening.id,
            employer_id: opening.employer_id,
            interview_id: interviewId,
            job_title: opening.title,
            wage_fen: wageFen,
            start_date: startDate,
            community_id: r.community_id,
            street_id: r.street_id,
            placed_by: actor.id,
          })
          .returning('id');
        await trx('interviews').where({ id: interviewId }).update({ outcome: 'hired' });
        const rec = await recordReferralTransition(
          trx,
          {
            referralId,
            seq,
            from: 'interview',
            to: 'placed',
            decision: 'hired',
            actor,
            deadlineAt: null,
            details: {
              placementId: placement.id,
              title: opening.title,
              wageFen,
              startDate,
              placesLeft: opening.places_left,
            },
          },
          clock(),
        );
        return { at: rec.at, placementId: placement.id as number };
      });
    },

    async openFollowUp({
      referralId,
      placementId,
      month,
      dueAt,
    }: {
      referralId: number;
      placementId: number;
      month: number;
      dueAt: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const [row] = await trx('follow_ups')
          .insert({ placement_id: placementId, referral_id: referralId, month, due_at: dueAt })
          .onConflict(['placement_id', 'month'])
          .ignore()
          .returning('id');
        if (!row) return;
        const r = await trx('referrals as r')
          .leftJoin('helpers as h', 'h.id', 'r.helper_id')
          .where('r.id', referralId)
          .first('r.community_id', 'h.name as helper');
        await notify(trx, {
          dedupeKey: `follow-up:${placementId}:${month}`,
          kind: 'follow_up',
          audienceRole: 'caseworker',
          orgUnitId: r.community_id,
          entityType: 'referral',
          entityId: referralId,
          message: `再就业推荐 #${referralId}：第${month}个月回访已到期，请帮扶人${r.helper ?? ''}记录是否在岗 (${month}-month follow-up due)`,
        });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'referral.follow_up_due',
            entityType: 'referral',
            entityId: referralId,
            orgUnitId: r.community_id,
            after: { placementId, month, dueAt },
          },
        );
      });
    },

    async recordFollowUp(a: {
      referralId: number;
      seq: number;
      actor: Actor;
      placementId: number;
      month: number;
      outcome: FollowUpOutcome;
      reason: string;
      from: ReferralStage;
      to: ReferralStage;
      deadlineAt: string | null;
      /** The wage now, when the follow-up recorded one. */
      wageFen?: number;
    }) {
      return db.transaction(async (trx) => {
        const now = clock();
        const rec = await recordReferralTransition(
          trx,
          {
            referralId: a.referralId,
            seq: a.seq,
            from: a.from,
            to: a.to,
            decision: a.outcome === 'left' ? 'follow_up_left' : 'follow_up_retained',
            actor: a.actor,
            comment: a.reason,
            deadlineAt: a.deadlineAt,
            details: {
              month: a.month,
              placementId: a.placementId,
              ...(a.wageFen !== undefined ? { wageFen: a.wageFen } : {}),
            },
          },
          now,
        );
        if (!rec.applied) return { at: rec.at };
        await trx('follow_ups')
          .where({ placement_id: a.placementId, month: a.month })
          .update({
            status: a.outcome,
            reason: a.reason || null,
            recorded_by: a.actor.id,
            recorded_at: now,
            wage_fen: a.wageFen ?? null,
          });
        if (a.outcome === 'left') {
          await trx('placements')
            .where({ id: a.placementId })
            .update({ status: 'left', left_reason: a.reason, ended_at: now });
          await trx('follow_ups')
            .where({ placement_id: a.placementId, status: 'open' })
            .update({ status: 'cancelled' });
          await trx('referrals').where({ id: a.referralId }).update({ proposed_opening_id: null });
        } else if (a.to === 'closed') {
          await trx('placements').where({ id: a.placementId }).update({ status: 'retained' });
        }
        return { at: rec.at };
      });
    },
  };
}
