import type { Knex } from 'knex';
import { notify } from '../db/notifications.js';
import { levelsReached, starLevel } from '../domain/stars.js';
import type { Suitability } from '../domain/volunteer-stages.js';
import type { Actor } from '../domain/actor.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';
import { recordVolunteerTransition } from './volunteers.js';

// Sign-ups, hours and their confirmation. A sign-up takes one place of the activity in its own
// transaction, guarded by `places_left > 0`, so two volunteers racing for the last place give
// one assignment; an hours entry exists once per assignment and is decided once (`status =
// 'pending'` guards the update), so hours are never confirmed twice.

export function createVolunteerServiceActivities({ db, clock }: ActivityDeps) {
  return {
    async signUpVolunteer({
      volunteerId,
      seq,
      actor,
      activityId,
      suitability,
    }: {
      volunteerId: number;
      seq: number;
      actor: Actor;
      activityId: number;
      suitability: Suitability;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        if (await trx('volunteer_assignments').where({ volunteer_id: volunteerId, seq }).first('id')) return;
        const a = await trx('volunteer_activities').where({ id: activityId }).first();
        if (!a)
          throw refusal('ValidationError', '活动不存在 (no such activity)', {
            activityId: '活动不存在 (no such activity)',
          });
        const now = clock();
        if (a.status !== 'open') throw refusal('ConflictError', `活动「${a.title}」已取消 (activity cancelled)`);
        if (a.starts_at <= now)
          throw refusal('ConflictError', `活动「${a.title}」已开始，不能再报名 (activity already started)`);
        if (a.serves_vulnerable && suitability !== 'passed')
          throw refusal(
            'ConflictError',
            '该活动服务老人、儿童或残疾人，须先通过适岗审查 (needs a passed suitability check)',
          );
        const v = await trx('volunteers').where({ id: volunteerId }).first('skills', 'stage');
        const missing = (a.required_skills as string[]).filter((s) => !(v.skills as string[]).includes(s));
        if (missing.length)
          throw refusal('ConflictError', `缺少所需技能：${missing.join('、')} (missing required skills)`);
        if (
          await trx('volunteer_assignments').where({ activity_id: activityId, volunteer_id: volunteerId }).first('id')
        )
          throw refusal('ConflictError', '已报名该活动 (already signed up)');
        const overlap = await trx('volunteer_assignments as s')
          .join('volunteer_activities as o', 'o.id', 's.activity_id')
          .where({ 's.volunteer_id': volunteerId, 's.status': 'assigned' })
          .where('o.starts_at', '<', a.ends_at)
          .where('o.ends_at', '>', a.starts_at)
          .first('o.title');
        if (overlap)
          throw refusal('ConflictError', `与已报名的活动「${overlap.title}」时间重叠 (overlaps another activity)`);
        const taken = await trx('volunteer_activities')
          .where({ id: activityId })
          .where('places_left', '>', 0)
          .update({ places_left: trx.raw('places_left - 1') });
        if (!taken) throw refusal('ConflictError', `活动「${a.title}」名额已满 (activity full)`);
        await trx('volunteer_assignments').insert({ activity_id: activityId, volunteer_id: volunteerId, seq });
        await recordVolunteerTransition(
          trx,
          {
            volunteerId,
            seq,
            from: v.stage,
            to: v.stage,
            decision: 'sign_up',
            actor,
            deadlineAt: null,
            stay: true,
            details: { activityId, title: a.title, startsAt: a.starts_at.toISOString() },
          },
          now,
        );
      });
    },

    async logVolunteerHours({
      volunteerId,
      seq,
      actor,
      activityId,
      minutes,
    }: {
      volunteerId: number;
      seq: number;
      actor: Actor;
      activityId: number;
      minutes: number;
    }): Promise<{ at: string }> {
      return db.transaction(async (trx) => {
        const done = await trx('volunteer_events').where({ volunteer_id: volunteerId, seq }).first('at');
        if (done) return { at: done.at.toISOString() as string };
        const now = clock();
        const h = await insertHoursEntry(trx, { volunteerId, activityId, minutes, actor, now });
        const v = await trx('volunteers').where({ id: volunteerId }).first('stage');
        await recordVolunteerTransition(
          trx,
          {
            volunteerId,
            seq,
            from: v.stage,
            to: v.stage,
            decision: 'hours_logged',
            actor,
            deadlineAt: null,
            stay: true,
            details: { hoursId: h.hoursId, title: h.title, minutes },
            patch: { last_hours_at: now, reminder_due: false },
          },
          now,
        );
        return { at: now.toISOString() };
      });
    },

    /** Confirms or rejects one pending entry; a confirmation recounts the hours and records any star reached. */
    async decideVolunteerHours({
      volunteerId,
      seq,
      actor,
      hoursId,
      confirm,
      reason,
    }: {
      volunteerId: number;
      seq: number;
      actor: Actor;
      hoursId: number;
      confirm: boolean;
      reason: string;
    }) {
      return db.transaction(async (trx) => {
        const done = await trx('volunteer_events').where({ volunteer_id: volunteerId, seq }).first('id');
        if (done) {
          const minutes = await confirmedMinutes(trx, volunteerId);
          const levels = await trx('volunteer_events')
            .where({ volunteer_id: volunteerId, decision: 'star_reached' })
            .where('seq', '>', seq)
            .count('* as n');
          return {
            confirmedMinutes: minutes,
            starLevel: starLevel(minutes),
            levels: Array.from({ length: Number(levels[0].n) }, (_, i) => i),
          };
        }
        return decideHoursEntry(trx, { volunteerId, seq, actor, hoursId, confirm, reason, now: clock() });
      });
    },
  };
}

const confirmedMinutes = async (trx: Knex.Transaction, volunteerId: number) =>
  Number(
    (await trx('volunteer_hours').where({ volunteer_id: volunteerId, status: 'confirmed' }).sum('minutes as m'))[0].m ??
      0,
  );

/**
 * An hours entry for her assignment to an activity, by the usual rules: she is assigned, the
 * activity is over, no longer than the activity, once per assignment. Shared by hours logged on
 * their own and by a home visit's record (activities/home-visits.ts).
 */
export async function insertHoursEntry(
  trx: Knex.Transaction,
  {
    volunteerId,
    activityId,
    minutes,
    actor,
    now,
  }: { volunteerId: number; activityId: number; minutes: number; actor: Actor; now: Date },
): Promise<{ hoursId: number; title: string }> {
  const s = await trx('volunteer_assignments as s')
    .join('volunteer_activities as a', 'a.id', 's.activity_id')
    .where({ 's.volunteer_id': volunteerId, 's.activity_id': activityId, 's.status': 'assigned' })
    .first('s.id', 'a.title', 'a.starts_at', 'a.ends_at');
  if (!s)
    throw refusal('ValidationError', '未报名该活动，不能登记工时 (not assigned to this activity)', {
      activityId: '未报名该活动 (not assigned to this activity)',
    });
  if (s.ends_at > now) throw refusal('ConflictError', `活动「${s.title}」尚未结束 (activity not over yet)`);
  const longest = Math.ceil((s.ends_at.getTime() - s.starts_at.getTime()) / 60_000);
  if (minutes > longest)
    throw refusal('ValidationError', `不能超过活动时长 ${longest} 分钟 (longer than the activity)`, {
      minutes: `最多 ${longest} 分钟 (at most the activity's length)`,
    });
  if (await trx('volunteer_hours').where({ assignment_id: s.id }).first('id'))
    throw refusal('ConflictError', '该活动的工时已登记 (hours already logged)');
  const [h] = await trx('volunteer_hours')
    .insert({
      volunteer_id: volunteerId,
      activity_id: activityId,
      assignment_id: s.id,
      minutes,
      logged_by: actor.id,
      logged_at: now,
    })
    .returning('id');
  return { hoursId: h.id, title: s.title };
}

/**
 * Decides one pending entry as transition `seq` (and `seq + 1…` for each star it reaches): the
 * update guarded by `status = 'pending'` is what keeps an entry from being confirmed twice.
 */
export async function decideHoursEntry(
  trx: Knex.Transaction,
  {
    volunteerId,
    seq,
    actor,
    hoursId,
    confirm,
    reason,
    now,
  }: { volunteerId: number; seq: number; actor: Actor; hoursId: number; confirm: boolean; reason: string; now: Date },
): Promise<{ confirmedMinutes: number; starLevel: number; levels: number[] }> {
  const before = await confirmedMinutes(trx, volunteerId);
  const [h] = await trx('volunteer_hours')
    .where({ id: hoursId, volunteer_id: volunteerId, status: 'pending' })
    .update({
      status: confirm ? 'confirmed' : 'rejected',
      decided_by: actor.id,
      decided_at: now,
      reason: reason || null,
    })
    .returning(['minutes', 'activity_id']);
  if (!h) {
    const exists = await trx('volunteer_hours').where({ id: hoursId, volunteer_id: volunteerId }).first('status');
    if (!exists) throw refusal('NotFoundError', '工时记录不存在 (no such hours entry)');
    throw refusal(
      'ConflictError',
      `该工时已${exists.status === 'confirmed' ? '确认' : '处理'}，不能重复操作 (already ${exists.status})`,
    );
  }
  const after = await confirmedMinutes(trx, volunteerId);
  const levels = levelsReached(before, after);
  const v = await trx('volunteers').where({ id: volunteerId }).first('stage');
  await trx('volunteers')
    .where({ id: volunteerId })
    .update({ confirmed_minutes: after, star_level: starLevel(after) });
  const rec = await recordVolunteerTransition(
    trx,
    {
      volunteerId,
      seq,
      from: v.stage,
      to: v.stage,
      decision: confirm ? 'hours_confirmed' : 'hours_rejected',
      actor,
      deadlineAt: null,
      stay: true,
      comment: reason,
      details: { hoursId, minutes: h.minutes },
    },
    now,
  );
  for (const [i, level] of levels.entries()) {
    await trx('volunteer_recognitions')
      .insert({ volunteer_id: volunteerId, level, confirmed_minutes: after, reached_at: now })
      .onConflict(['volunteer_id', 'level'])
      .ignore();
    await recordVolunteerTransition(
      trx,
      {
        volunteerId,
        seq: seq + i + 1,
        from: v.stage,
        to: v.stage,
        decision: 'star_reached',
        actor: null,
        deadlineAt: null,
        stay: true,
        details: { level, hours: after / 60 },
      },
      now,
    );
    await notify(trx, {
      dedupeKey: `star:${volunteerId}:${level}`,
      kind: 'star_reached',
      audienceRole: 'caseworker',
      orgUnitId: rec.communityId,
      entityType: 'volunteer',
      entityId: volunteerId,
      message: `志愿者 #${volunteerId} 服务时长达到 ${'★'.repeat(level)} 星级 (star level ${level} reached)`,
    });
  }
  return { confirmedMinutes: after, starLevel: starLevel(after), levels };
}
