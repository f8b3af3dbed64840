import type { Knex } from 'knex';
import { writeAudit } from '../db/audit.js';
import { notify } from '../db/notifications.js';
import type { ReferralStage } from '../domain/referral-stages.js';
import type { Actor } from '../domain/actor.js';
import type { Assessment, ReferralState } from '../workflows/referral-messages.js';
import { recordCaseTransition, type CaseTransition } from './case-transition.js';
import { shanghaiDateTime } from '../domain/shanghai-date.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';

// A referral's steps as the projection records them: each is one transaction writing the
// referral row, one `referral_events` row (keyed by the workflow's seq, so a retry writes
// nothing) and one audit event, plus whatever the step adds (an interview, a match list).

export interface ReferralTransition extends Omit<CaseTransition, 'from' | 'to' | 'actor'> {
  referralId: number;
  from: ReferralStage | null;
  to: ReferralStage;
  actor: Actor | null;
}

type Step = { referralId: number; seq: number; actor: Actor; deadlineAt: string | null; overdue: boolean };

const tables = { cases: 'referrals', events: 'referral_events', caseColumn: 'referral_id', entity: 'referral' };

export function recordReferralTransition(trx: Knex.Transaction, { referralId, ...t }: ReferralTransition, now: Date) {
  return recordCaseTransition(trx, tables, referralId, t, now);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createReferralActivities({ db, clock }: ActivityDeps) {
  const transition = (t: ReferralTransition, extra?: (trx: Knex.Transaction, applied: boolean) => Promise<void>) =>
    db.transaction(async (trx) => {
      const r = await recordReferralTransition(trx, t, clock());
      await extra?.(trx, r.applied);
      return { at: r.at };
    });

  return {
    /** What a starting (or restarted) referral workflow learns from the projection. */
    async loadReferral({
      referralId,
    }: {
      referralId: number;
    }): Promise<Omit<ReferralState, 'referralId' | 'rankAgain'>> {
      const r = await db('referrals as r')
        .join('org_units as c', 'c.id', 'r.community_id')
        .where('r.id', referralId)
        .first('r.*', 'c.path as community_path');
      if (!r) throw refusal('NotFoundError', `referral ${referralId} does not exist`);
      await db('referrals')
        .where({ id: referralId })
        .whereNull('workflow_started_at')
        .update({ workflow_started_at: clock() });
      const [{ max }] = await db('referral_events').where({ referral_id: referralId }).max('seq as max');
      return {
        communityPath: r.community_path,
        stage: r.stage,
        stageSince: iso(r.stage_since),
        deadlineAt: iso(r.deadline_at),
        overdue: r.overdue,
        helperId: r.helper_id,
        proposedOpeningId: r.proposed_opening_id,
        interview: null,
        placement: null,
        followUps: [],
        excludedOpenings: r.declined_opening_ids ?? [],
        seq: Number(max ?? 0),
      };
    },

    referralTransition: (t: ReferralTransition) => transition(t),

    async assessReferral({ assessment: a, helperId, ...s }: Step & { assessment: Assessment; helperId: number }) {
      const r = await db('referrals').where({ id: s.referralId }).first('community_id', 'seeker_id');
      const helper = await db('helpers').where({ id: helperId, active: true }).first('community_id', 'name');
      if (!helper || helper.community_id !== r.community_id)
        throw refusal(
          'ValidationError',
          '帮扶人须为本社区在册人员 (the helper must belong to the seeker’s community)',
          { helperId: '请选择本社区的帮扶人 (choose a helper from this community)' },
        );
      return transition(
        {
          ...s,
          from: 'intake',
          to: 'matching',
          decision: 'assess',
          comment: a.notes,
          details: { helper: helper.name, skills: a.skills.join('、') },
          patch: {
            helper_id: helperId,
            assessment: JSON.stringify({ ...a, by: s.actor.username, at: clock().toISOString() }),
          },
        },
        async (trx, applied) => {
          if (!applied) return;
          await trx('job_seekers')
            .where({ id: r.seeker_id })
            .update({
              education: a.education,
              skills: a.skills.map((x) => x.trim()),
              experience: a.experience,
              max_hours_per_week: a.maxHoursPerWeek,
              no_physical_work: a.noPhysicalWork,
              expected_wage_fen: a.expectedWageFen,
              constraints_note: a.constraintsNote,
              updated_at: clock(),
            });
        },
      );
    },

    async proposeOpening({ openingId, comment, ...s }: Step & { openingId: number; comment: string }) {
      const o = await db('job_openings as o')
        .join('employers as e', 'e.id', 'o.employer_id')
        .where('o.id', openingId)
        .first('o.*', 'e.name as employer_name');
      if (!o)
        throw refusal('ValidationError', '岗位不存在 (no such opening)', { openingId: '岗位不存在 (no such opening)' });
      const done = await db('referral_events').where({ referral_id: s.referralId, seq: s.seq }).first('id');
      if (!done && (o.status !== 'open' || o.places_left <= 0))
        throw refusal('ConflictError', `岗位「${o.title}」已满或已关闭 (opening is full or closed)`);
      return transition({
        ...s,
        from: 'matching',
        to: 'proposed',
        decision: 'propose',
        comment,
        details: { openingId, title: o.title, employer: o.employer_name },
        patch: { proposed_opening_id: openingId },
      });
    },

    async scheduleInterview({
      openingId,
      interviewAt,
      place,
      ...s
    }: Step & { openingId: number; interviewAt: string; place: string }) {
      return db.transaction(async (trx) => {
        const r = await recordReferralTransition(
          trx,
          { ...s, from: 'proposed', to: 'interview', decision: 'accept', details: { openingId, interviewAt, place } },
          clock(),
        );
        const [row] = await trx('interviews')
          .insert({ referral_id: s.referralId, seq: s.seq, opening_id: openingId, scheduled_at: interviewAt, place })
          .onConflict(['referral_id', 'seq'])
          .merge(['place'])
          .returning('id');
        return { at: r.at, interviewId: row.id as number };
      });
    },

    async interviewNotHired({
      interviewId,
      reason,
      excluded,
      ...s
    }: Step & { interviewId: number; reason: string; excluded: number[] }) {
      return transition(
        {
          ...s,
          from: 'interview',
          to: 'matching',
          decision: 'not_hired',
          comment: reason,
          details: { interviewId },
          patch: { proposed_opening_id: null, declined_opening_ids: excluded },
        },
        async (trx) => {
          await trx('interviews').where({ id: interviewId }).update({ outcome: 'not_hired', reason });
        },
      );
    },

    async withdrawReferral({
      from,
      reason,
      ...s
    }: Omit<Step, 'deadlineAt' | 'overdue'> & { from: ReferralStage; reason: string }) {
      return transition(
        {
          ...s,
          from,
          to: 'withdrawn',
          decision: 'withdraw',
          comment: reason,
          deadlineAt: null,
          patch: { closed_reason: reason },
        },
        async (trx) => {
          await trx('follow_ups').where({ referral_id: s.referralId, status: 'open' }).update({ status: 'cancelled' });
        },
      );
    },

    async markReferralOverdue({
      referralId,
      stage,
      deadlineAt,
    }: {
      referralId: number;
      stage: ReferralStage;
      deadlineAt: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const changed = await trx('referrals')
          .where({ id: referralId, overdue: false })
          .update({ overdue: true, updated_at: clock() })
          .returning(['community_id']);
        if (!changed.length) return;
        await notify(trx, {
          dedupeKey: `overdue:referral-${referralId}:${deadlineAt}`,
          kind: 'overdue',
          audienceRole: 'supervisor',
          orgUnitId: changed[0].community_id,
          entityType: 'referral',
          entityId: referralId,
          message: `再就业推荐 #${referralId} 超过安置期限仍未上岗（${stage}）(not placed by the deadline)`,
        });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'referral.overdue',
            entityType: 'referral',
            entityId: referralId,
            orgUnitId: changed[0].community_id,
            after: { stage, deadlineAt },
          },
        );
      });
    },

    async remindInterview({
      referralId,
      interviewId,
      interviewAt,
    }: {
      referralId: number;
      interviewId: number;
      interviewAt: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const changed = await trx('interviews')
          .where({ id: interviewId })
          .whereNull('reminded_at')
          .update({ reminded_at: clock() });
        if (!changed) return;
        const r = await trx('referrals').where({ id: referralId }).first('community_id');
        await notify(trx, {
          dedupeKey: `interview-reminder:${interviewId}`,
          kind: 'interview_reminder',
          audienceRole: 'caseworker',
          orgUnitId: r.community_id,
          entityType: 'referral',
          entityId: referralId,
          message: `再就业推荐 #${referralId} 明天面试（${shanghaiDateTime(interviewAt)}），请提醒求职者 (interview tomorrow)`,
        });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'referral.interview_reminder',
            entityType: 'referral',
            entityId: referralId,
            orgUnitId: r.community_id,
            after: { interviewId, interviewAt },
          },
        );
      });
    },
  };
}
