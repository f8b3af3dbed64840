import type { Knex } from 'knex';
import { notify } from '../db/notifications.js';
import { decryptPii } from '../db/pii.js';
import { idNumberProblem } from '../domain/id-number.js';
import { shanghaiDate } from '../domain/shanghai-date.js';
import { ageProblem } from '../domain/volunteer-rules.js';
import type { VolunteerStage } from '../domain/volunteer-stages.js';
import type { Actor } from '../domain/actor.js';
import type { VolunteerState } from '../workflows/volunteer-messages.js';
import { recordCaseTransition, type CaseTransition } from './case-transition.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';

// A volunteer's stage changes and timeline events, her screening, and the messages her timers
// send. Each write is one transaction keyed by the workflow's transition number.

export interface VolunteerTransition extends Omit<CaseTransition, 'from' | 'to' | 'actor'> {
  volunteerId: number;
  from: VolunteerStage | null;
  to: VolunteerStage;
  actor: Actor | null;
}

const tables = { cases: 'volunteers', events: 'volunteer_events', caseColumn: 'volunteer_id', entity: 'volunteer' };

export function recordVolunteerTransition(
  trx: Knex.Transaction,
  { volunteerId, ...t }: VolunteerTransition,
  now: Date,
) {
  return recordCaseTransition(trx, tables, volunteerId, t, now);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createVolunteerActivities({ db, clock, suitability }: ActivityDeps) {
  return {
    async loadVolunteer({
      volunteerId,
    }: {
      volunteerId: number;
    }): Promise<Omit<VolunteerState, 'volunteerId' | 'needsScreening'>> {
      const v = await db('volunteers as v')
        .join('org_units as c', 'c.id', 'v.community_id')
        .where('v.id', volunteerId)
        .first('v.*', 'c.path as community_path');
      if (!v) throw refusal('NotFoundError', `volunteer ${volunteerId} does not exist`);
      await db('volunteers')
        .where({ id: volunteerId })
        .whereNull('workflow_started_at')
        .update({ workflow_started_at: clock() });
      const [{ max }] = await db('volunteer_events').where({ volunteer_id: volunteerId }).max('seq as max');
      return {
        communityPath: v.community_path,
        stage: v.stage,
        stageSince: iso(v.stage_since),
        servesVulnerable: v.serves_vulnerable,
        suitability: v.suitability,
        confirmedMinutes: Number(v.confirmed_minutes),
        starLevel: v.star_level,
        lastHoursAt: iso(v.last_hours_at ?? (v.stage === 'active' ? v.stage_since : null)),
        remindedFor: null,
        reconfirmDueAt: iso(v.reconfirm_due_at),
        seq: Number(max ?? 0),
      };
    },

    volunteerTransition: (t: VolunteerTransition) =>
      db.transaction(async (trx) => {
        const r = await recordVolunteerTransition(trx, t, clock());
        return { at: r.at };
      }),

    /** The checks that need no registry: a valid ID number, not registered twice, old enough (or with consent). */
    async screenVolunteer({ volunteerId }: { volunteerId: number }): Promise<{ refusal: string | null }> {
      const v = await db('volunteers').where({ id: volunteerId }).first();
      // Opened for the check-digit rule alone; the duplicate check compares hashes.
      if (idNumberProblem(decryptPii(v.id_number_enc))) return { refusal: '身份证号无效 (invalid ID number)' };
      const other = await db('volunteers')
        .where({ id_number_hash: v.id_number_hash })
        .whereNot({ id: volunteerId })
        .whereNot({ stage: 'rejected' })
        .first('id');
      if (other) return { refusal: `已登记为志愿者 #${other.id} (already registered)` };
      const age = ageProblem(String(v.birth_date), shanghaiDate(clock()), {
        name: v.guardian_name,
        consent: v.guardian_consent_at !== null,
      });
      if (age === 'too_young') return { refusal: '未满14周岁 (under 14)' };
      if (age === 'needs_guardian') return { refusal: '未满18周岁且无监护人同意 (minor without a guardian’s consent)' };
      return { refusal: null };
    },

    /** Asks the registry; a registry that fails or hangs is retried by the workflow's policy. */
    async checkSuitability({ volunteerId }: { volunteerId: number }): Promise<{ result: 'passed' | 'failed' }> {
      // The registry is asked by ID number: opened here, for this call only (not in the result).
      const v = await db('volunteers').where({ id: volunteerId }).first('id_number_enc', 'name');
      return { result: await suitability.check({ idNumber: decryptPii(v.id_number_enc), name: v.name }) };
    },

    async suitabilityUnavailable({
      volunteerId,
      seq,
      error,
    }: {
      volunteerId: number;
      seq: number;
      error: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const r = await recordVolunteerTransition(
          trx,
          {
            volunteerId,
            seq,
            from: 'screening',
            to: 'screening',
            decision: 'suitability_error',
            actor: null,
            deadlineAt: null,
            stay: true,
            details: { error },
            patch: { suitability: 'error' },
          },
          clock(),
        );
        if (!r.applied) return;
        await notify(trx, {
          dedupeKey: `suitability-error:${volunteerId}:${seq}`,
          kind: 'suitability_error',
          audienceRole: 'caseworker',
          orgUnitId: r.communityId,
          entityType: 'volunteer',
          entityId: volunteerId,
          message: `志愿者 #${volunteerId} 的适岗审查暂时无法完成（查询系统无响应），请稍后重新审查 (suitability registry unavailable)`,
        });
      });
    },

    async remindVolunteer({
      volunteerId,
      seq,
      since,
      days,
    }: {
      volunteerId: number;
      seq: number;
      since: string;
      days: number;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const v = await trx('volunteers').where({ id: volunteerId }).first('stage');
        const r = await recordVolunteerTransition(
          trx,
          {
            volunteerId,
            seq,
            from: v.stage,
            to: v.stage,
            decision: 'reminder',
            actor: null,
            deadlineAt: null,
            stay: true,
            details: { since, days },
            patch: { reminder_due: true },
          },
          clock(),
        );
        if (!r.applied) return;
        await notify(trx, {
          dedupeKey: `volunteer-reminder:${volunteerId}:${since}`,
          kind: 'volunteer_reminder',
          audienceRole: 'caseworker',
          orgUnitId: r.communityId,
          entityType: 'volunteer',
          entityId: volunteerId,
          message: `志愿者 #${volunteerId} 已${days}天没有服务时长，请联系了解情况 (no hours for ${days} days)`,
        });
      });
    },
  };
}
