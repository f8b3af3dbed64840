import type { Knex } from 'knex';
import {
  careFlagNames,
  householdVulnerable,
  MISSED_IN_A_ROW,
  missedStreak,
  nextDueAt,
  preferredTeamKinds,
  settledStatus,
  visitPlaces,
  visitWindow,
  type CareFlag,
  type VisitOutcome,
  type VisitPolicy,
} from '../domain/home-visits.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { shanghaiDate } from '../domain/shanghai-date.js';
import { writeAudit } from './audit.js';
import { notify } from './notifications.js';

// The visit plan of flagged households, one pass at a time (the visit-planning Schedule runs it
// each policy day; the demo seed runs it once): settle the visits whose record window closed,
// raising a task after two misses in a row, and turn every visit that came due into an activity
// of one of the community's teams. Each household and each visit is its own transaction under
// a row lock, so a pass that crashes or runs twice at once plans and settles each thing once.

export interface VisitPassSummary {
  planned: number;
  /** Flagged households whose community has no volunteer team: told to the caseworker, tried again next pass. */
  noTeam: number;
  settled: number;
  missed: number;
  missedTasks: number;
}

const PAGE = 500;

export const flagNames = (flags: readonly string[]) => flags.map((f) => careFlagNames[f as CareFlag] ?? f).join('、');

/** A caseworker task a visit raised, once per source key; answers with its id. */
export async function raiseVisitTask(
  trx: Knex.Transaction,
  t: {
    kind: 'visit_concern' | 'visit_missed';
    sourceKey: string;
    householdId: number;
    communityId: number;
    title: string;
    details: Record<string, unknown>;
    dueAt: Date;
  },
): Promise<number> {
  // The household's dibao case, if it has one: the task is about what may change it.
  const application = await trx('applications')
    .where({ household_id: t.householdId })
    .orderBy('id', 'desc')
    .first('id');
  await trx('casework_tasks')
    .insert({
      kind: t.kind,
      source_key: t.sourceKey,
      household_id: t.householdId,
      application_id: application?.id ?? null,
      community_id: t.communityId,
      title: t.title,
      details: JSON.stringify(t.details),
      due_at: t.dueAt,
    })
    .onConflict('source_key')
    .ignore();
  return (await trx('casework_tasks').where({ source_key: t.sourceKey }).first('id')).id;
}

/** Plans the visit due for one household, if it is still due once its row is locked. */
async function planOne(
  trx: Knex.Transaction,
  householdId: number,
  now: Date,
  p: VisitPolicy,
): Promise<'planned' | 'no_team' | 'skipped'> {
  const h = await trx('households')
    .where({ id: householdId })
    .forUpdate()
    .first('id', 'head_name', 'address', 'community_id', 'care_flags', 'visit_next_due_at');
  const flags = (h?.care_flags ?? []) as CareFlag[];
  if (!h || !flags.length || !h.visit_next_due_at || h.visit_next_due_at > now) return 'skipped';
  const dueAt: Date = h.visit_next_due_at;
  const next = nextDueAt(dueAt, now, p);
  if (await trx('home_visits').where({ household_id: h.id, due_at: dueAt }).first('id')) {
    await trx('households').where({ id: h.id }).update({ visit_next_due_at: next });
    return 'skipped';
  }
  const team = await trx('volunteer_teams')
    .where({ community_id: h.community_id })
    .orderByRaw('array_position(?::text[], kind) NULLS LAST, id', [preferredTeamKinds(flags)])
    .first('id', 'name');
  if (!team) {
    await notify(trx, {
      dedupeKey: `visit-no-team:${h.id}:${dueAt.toISOString()}`,
      kind: 'visit_no_team',
      audienceRole: 'caseworker',
      orgUnitId: h.community_id,
      entityType: 'household',
      entityId: h.id,
      message: `${h.head_name}户（${flagNames(flags)}）应安排上门探访，但本社区尚无志愿服务队，请先组建服务队`,
    });
    return 'no_team';
  }
  const members = await trx('household_members')
    .where({ household_id: h.id, left_household: false })
    .select('birth_date', 'disabled');
  const vulnerable = householdVulnerable(
    flags,
    members.map((m) => ({ birthDate: String(m.birth_date), disabled: m.disabled })),
    shanghaiDate(now),
  );
  const window = visitWindow(dueAt, now, p);
  const places = visitPlaces(flags);
  const [activity] = await trx('volunteer_activities')
    .insert({
      team_id: team.id,
      title: `上门探访：${h.head_name}户（${flagNames(flags)}）`,
      starts_at: window.startsAt,
      ends_at: window.endsAt,
      place: h.address,
      places_total: places,
      places_left: places,
      serves_vulnerable: vulnerable,
    })
    .returning('id');
  const [visit] = await trx('home_visits')
    .insert({
      household_id: h.id,
      community_id: h.community_id,
      activity_id: activity.id,
      flags,
      due_at: dueAt,
      record_by: window.recordBy,
    })
    .returning('id');
  await trx('households').where({ id: h.id }).update({ visit_next_due_at: next });
  await writeAudit(
    trx,
    {},
    {
      action: 'home_visit.plan',
      entityType: 'household',
      entityId: h.id,
      orgUnitId: h.community_id,
      after: {
        homeVisitId: visit.id,
        activityId: activity.id,
        teamId: team.id,
        dueAt: dueAt.toISOString(),
        places,
        servesVulnerable: vulnerable,
        nextDueAt: next.toISOString(),
      },
    },
  );
  return 'planned';
}

/** Settles one visit whose window closed, once the one before it is settled. */
async function settleOne(
  trx: Knex.Transaction,
  visitId: number,
  now: Date,
  p: VisitPolicy,
): Promise<'visited' | 'missed' | 'missed_task' | 'skipped'> {
  const v = await trx('home_visits as v')
    .join('households as h', 'h.id', 'v.household_id')
    .where('v.id', visitId)
    .forUpdate('v')
    .first('v.*', 'h.head_name');
  if (!v || v.status !== 'open' || v.record_by > now) return 'skipped';
  const previous = await trx('home_visits')
    .where({ household_id: v.household_id })
    .where('due_at', '<', v.due_at)
    .orderBy('due_at', 'desc')
    .first('id', 'status', 'missed_streak');
  // In order: whether this miss is the second in a row depends on how the one before ended.
  if (previous?.status === 'open') return 'skipped';
  const outcomes: VisitOutcome[] = await trx('visit_records').where({ home_visit_id: v.id }).pluck('outcome');
  const status = settledStatus(outcomes);
  const streak = missedStreak(
    status,
    previous ? { status: previous.status, missedStreak: previous.missed_streak } : null,
  );
  await trx('home_visits').where({ id: v.id }).update({ status, missed_streak: streak, settled_at: now });
  if (streak !== MISSED_IN_A_ROW) return status;
  const sourceKey = `visit_missed:${v.household_id}:${v.id}`;
  await raiseVisitTask(trx, {
    kind: 'visit_missed',
    sourceKey,
    householdId: v.household_id,
    communityId: v.community_id,
    title: `${v.head_name}户（${flagNames(v.flags)}）连续两次计划探访未完成，请上门了解情况`,
    details: {
      homeVisitIds: [previous!.id, v.id],
      activityId: v.activity_id,
      outcomes,
    },
    dueAt: new Date(now.getTime() + policyDaysToMs(p.taskDays, p.daySeconds)),
  });
  await notify(trx, {
    dedupeKey: sourceKey,
    kind: 'visit_missed',
    audienceRole: 'caseworker',
    orgUnitId: v.community_id,
    entityType: 'household',
    entityId: v.household_id,
    message: `${v.head_name}户连续两次计划探访未完成（未记录或不在家），已生成待办，请社区专干跟进`,
  });
  return 'missed_task';
}

/** One pass: settle what closed, then plan what came due. */
export async function runVisitPass(db: Knex, now: Date, p: VisitPolicy): Promise<VisitPassSummary> {
  const summary: VisitPassSummary = { planned: 0, noTeam: 0, settled: 0, missed: 0, missedTasks: 0 };
  for (let after = 0; ;) {
    const ids: number[] = await db('home_visits')
      .where('status', 'open')
      .where('record_by', '<=', now)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .pluck('id');
    if (!ids.length) break;
    // Oldest window first within the page, so a household's earlier visit settles before its next.
    const ordered: number[] = await db('home_visits').whereIn('id', ids).orderBy('record_by').pluck('id');
    for (const id of ordered) {
      const r = await db.transaction((trx) => settleOne(trx, id, now, p));
      if (r === 'skipped') continue;
      summary.settled++;
      if (r !== 'visited') summary.missed++;
      if (r === 'missed_task') summary.missedTasks++;
    }
    after = ids[ids.length - 1];
  }
  for (let after = 0; ;) {
    const ids: number[] = await db('households')
      .whereRaw('cardinality(care_flags) > 0')
      .where('visit_next_due_at', '<=', now)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .pluck('id');
    if (!ids.length) break;
    for (const id of ids) {
      const r = await db.transaction((trx) => planOne(trx, id, now, p));
      if (r === 'planned') summary.planned++;
      if (r === 'no_team') summary.noTeam++;
    }
    after = ids[ids.length - 1];
  }
  return summary;
}
