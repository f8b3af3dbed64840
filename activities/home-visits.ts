import { flagNames, raiseVisitTask, runVisitPass, type VisitPassSummary } from '../db/home-visits.js';
import { notify } from '../db/notifications.js';
import { concernNames, type ConcernKind, type VisitOutcome, type VisitPolicy } from '../domain/home-visits.js';
import { starLevel } from '../domain/stars.js';
import type { Actor } from '../domain/actor.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';
import { decideHoursEntry, insertHoursEntry } from './volunteer-service.js';
import { recordVolunteerTransition } from './volunteers.js';

export type { VisitPassSummary } from '../db/home-visits.js';

// The planning pass the visit-planning Schedule runs, and a volunteer's record of a home visit.
// The record is one transaction, numbered by her workflow like every step of hers: the record
// itself (once per sign-up), her hours by the usual rules (logged if nobody logged them, then
// confirmed if still pending: an entry decided before stays as it was, so hours are confirmed
// once), and for a concern the caseworker's task (once per visit and kind of concern).

export interface VisitRecordInput {
  volunteerId: number;
  seq: number;
  actor: Actor;
  homeVisitId: number;
  outcome: VisitOutcome;
  concernKind: ConcernKind | null;
  note: string;
  minutes: number;
  /** When a task this record raises is due: the API's policy (SHEQU_VISIT_TASK_DAYS) from now. */
  taskDueAt: string;
}

export interface VisitRecordResult {
  /** Transitions written: the visit, the hours decision if any, a star per level reached. */
  events: number;
  confirmedMinutes: number;
  starLevel: number;
  at: string;
}

export function createHomeVisitActivities({ db, clock }: ActivityDeps) {
  return {
    planHomeVisits: ({ policy }: { policy: VisitPolicy }): Promise<VisitPassSummary> =>
      runVisitPass(db, clock(), policy),

    async recordHomeVisit(r: VisitRecordInput): Promise<VisitRecordResult> {
      const { volunteerId, seq, actor } = r;
      return db.transaction(async (trx) => {
        const minutesNow = async () =>
          Number(
            (await trx('volunteers').where({ id: volunteerId }).first('confirmed_minutes')).confirmed_minutes ?? 0,
          );
        const done = await trx('volunteer_events').where({ volunteer_id: volunteerId, seq }).first('at');
        if (done) {
          // A retry after the commit: this step's transitions are the ones from `seq` on.
          const [{ n }] = await trx('volunteer_events')
            .where({ volunteer_id: volunteerId })
            .where('seq', '>=', seq)
            .count('* as n');
          const minutes = await minutesNow();
          return {
            events: Number(n),
            confirmedMinutes: minutes,
            starLevel: starLevel(minutes),
            at: done.at.toISOString(),
          };
        }
        const now = clock();
        const visit = await trx('home_visits as hv')
          .join('households as h', 'h.id', 'hv.household_id')
          .where('hv.id', r.homeVisitId)
          .forUpdate('hv')
          .first('hv.*', 'h.head_name');
        if (!visit) throw refusal('NotFoundError', '探访计划不存在');
        if (visit.status !== 'open' || visit.record_by <= now)
          throw refusal('ConflictError', '该次探访的记录期限已过，不能再记录');
        const assignment = await trx('volunteer_assignments')
          .where({ activity_id: visit.activity_id, volunteer_id: volunteerId, status: 'assigned' })
          .first('id');
        if (!assignment) throw refusal('ValidationError', '该志愿者未报名这次探访', { volunteerId: '未报名这次探访' });
        if (await trx('visit_records').where({ assignment_id: assignment.id }).first('id'))
          throw refusal('ConflictError', '该志愿者的这次探访已记录');

        const entry = await trx('volunteer_hours')
          .where({ assignment_id: assignment.id })
          .first('id', 'status', 'minutes');
        const logged = entry
          ? null
          : await insertHoursEntry(trx, {
              volunteerId,
              activityId: visit.activity_id,
              minutes: r.minutes,
              actor,
              now,
            });
        const hoursId = logged?.hoursId ?? (entry?.status === 'pending' ? entry.id : null);
        const minutes = entry ? Number(entry.minutes) : r.minutes;

        const [record] = await trx('visit_records')
          .insert({
            home_visit_id: visit.id,
            assignment_id: assignment.id,
            volunteer_id: volunteerId,
            outcome: r.outcome,
            concern_kind: r.concernKind,
            note: r.note,
            minutes,
            hours_id: hoursId,
            recorded_by: actor.id,
            recorded_at: now,
          })
          .returning('id');
        let taskId: number | null = null;
        if (r.outcome === 'concern' && r.concernKind) {
          const kind = concernNames[r.concernKind];
          taskId = await raiseVisitTask(trx, {
            kind: 'visit_concern',
            // Two volunteers on one visit reporting the same thing are one task.
            sourceKey: `visit_concern:${visit.id}:${r.concernKind}`,
            householdId: visit.household_id,
            communityId: visit.community_id,
            title: `探访发现${visit.head_name}户${kind}，请核实是否影响救助`,
            details: {
              concern: r.concernKind,
              note: r.note,
              homeVisitId: visit.id,
              activityId: visit.activity_id,
              volunteerId,
              recordedBy: actor.username,
            },
            dueAt: new Date(r.taskDueAt),
          });
          await trx('visit_records').where({ id: record.id }).update({ task_id: taskId });
          await notify(trx, {
            dedupeKey: `visit_concern:${visit.id}:${r.concernKind}`,
            kind: 'visit_concern',
            audienceRole: 'caseworker',
            orgUnitId: visit.community_id,
            entityType: 'household',
            entityId: visit.household_id,
            message: `志愿者探访${visit.head_name}户（${flagNames(visit.flags)}）发现：${kind}。${r.note}`,
          });
        }

        const v = await trx('volunteers').where({ id: volunteerId }).first('stage');
        await recordVolunteerTransition(
          trx,
          {
            volunteerId,
            seq,
            from: v.stage,
            to: v.stage,
            decision: 'home_visit',
            actor,
            deadlineAt: null,
            stay: true,
            comment: r.note,
            details: {
              homeVisitId: visit.id,
              activityId: visit.activity_id,
              outcome: r.outcome,
              ...(r.concernKind ? { concern: r.concernKind } : {}),
              minutes,
              ...(taskId ? { taskId } : {}),
            },
            patch: { last_hours_at: now, reminder_due: false },
          },
          now,
        );
        if (!hoursId) {
          const m = await minutesNow();
          return { events: 1, confirmedMinutes: m, starLevel: starLevel(m), at: now.toISOString() };
        }
        const decided = await decideHoursEntry(trx, {
          volunteerId,
          seq: seq + 1,
          actor,
          hoursId,
          confirm: true,
          reason: '',
          now,
        });
        return {
          events: 2 + decided.levels.length,
          confirmedMinutes: decided.confirmedMinutes,
          starLevel: decided.starLevel,
          at: now.toISOString(),
        };
      });
    },
  };
}
