import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVisitSchedule } from '../../api/temporal/visit-schedule.js';
import { applicationBody } from '../support/fixtures.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import { act, activeVolunteer, team, volunteerBody } from '../support/volunteers.js';

// Volunteers visit the households that need it, with a real worker, the real visit-planning
// Schedule and policy days of two seconds: a visit every 12 days (24 s), planned 3 days (6 s)
// ahead, lasting a second, recordable for 5 days (10 s) after it ends. A flagged household's plan
// becomes an activity of the community's team; what a volunteer found is recorded once, confirms
// her hours once, and a concern raises one task; two missed visits in a row raise one task and
// tell the caseworker; a caseworker of another community cannot flag the household.

const DAY = 2;

describe('home visits to flagged households', () => {
  let stack: TestStack;
  let caseworker: ApiClient, leader: ApiClient;
  let communityId: number;
  let teamId: number;
  // A: 孤老 and 重残 (two places), visited and a concern noted; B: 孤老 (one place), missed twice.
  let householdA: number, householdB: number, applicationA: number;
  let v1: number, v2: number, v3: number, unchecked: number;

  const flag = (client: ApiClient, id: number, flags: string[]) =>
    client.call('PUT', `/api/households/${id}/care-flags`, { flags, note: '社区走访摸排' });
  const visitsOf = async (householdId: number) =>
    (
      await caseworker.call(
        'GET',
        `/api/home-visits?filter=${encodeURIComponent(JSON.stringify({ householdId }))}&sort=${encodeURIComponent('["dueAt","ASC"]')}`,
      )
    ).body as any[];
  const firstVisit = (householdId: number) =>
    waitFor(`a visit planned for household ${householdId}`, async () => (await visitsOf(householdId))[0], 30_000);
  const record = (client: ApiClient, visitId: number, body: Record<string, unknown>) =>
    client.call('POST', `/api/home-visits/${visitId}/records`, body);
  const untilOver = async (visit: { endsAt: string }) => {
    const wait = Date.parse(visit.endsAt) - Date.now() + 200;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
  const household = async (client: ApiClient) => {
    const created = await client.call('POST', '/api/applications', applicationBody(communityId));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const row = await stack.db('applications').where({ id: created.body.id }).first('household_id');
    return { householdId: row.household_id as number, applicationId: created.body.id as number };
  };

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: String(DAY),
        SHEQU_VISIT_INTERVAL_DAYS: '12',
        SHEQU_VISIT_LEAD_DAYS: '3',
        SHEQU_VISIT_RECORD_DAYS: '5',
      },
    });
    [caseworker, leader] = await Promise.all([login(stack, 'caseworker1'), login(stack, 'leader1')]);
    communityId = (await stack.db('org_units').where({ code: 'cd-01' }).first('id')).id;
    const leaderId = (await stack.db('users').where({ username: 'leader1' }).first('id')).id;
    teamId = (await team(caseworker, { communityId, leaderUserId: leaderId })).id;
    // Volunteers who may serve the vulnerable (suitability passed), and one who was never checked.
    [v1, v2, v3, unchecked] = (
      await Promise.all([
        activeVolunteer(caseworker, volunteerBody({ communityId, servesVulnerable: true })),
        activeVolunteer(caseworker, volunteerBody({ communityId, servesVulnerable: true })),
        activeVolunteer(caseworker, volunteerBody({ communityId, servesVulnerable: true })),
        activeVolunteer(caseworker, volunteerBody({ communityId })),
      ])
    ).map((v) => v.id as number);
    const a = await household(caseworker);
    householdA = a.householdId;
    applicationA = a.applicationId;
    householdB = (await household(caseworker)).householdId;
  }, 180_000);
  afterAll(async () => {
    await stack?.temporal.schedule
      .getHandle(stack.env.SHEQU_VISIT_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await stack?.stop();
  });

  it('a caseworker of another community cannot flag the household (404); a team leader may not flag at all', async () => {
    const other = await stack.db('org_units').where({ code: 'cd-02' }).first('id');
    const template = await stack.db('users').where({ username: 'caseworker1' }).first();
    await stack
      .db('users')
      .insert({ ...template, id: undefined, username: 'visits-caseworker-cd02', org_unit_id: other.id });
    const outsider = await login(stack, 'visits-caseworker-cd02');
    const refused = await flag(outsider, householdA, ['elderly_alone']);
    expect(refused.status).toBe(404);
    expect((await flag(leader, householdA, ['elderly_alone'])).status).toBe(403);
    expect((await stack.db('households').where({ id: householdA }).first('care_flags')).care_flags).toEqual([]);
    expect(await stack.db('audit_events').where({ action: 'household.care_flags' }).count()).toEqual([{ count: '0' }]);
  });

  it('a flagged household gets a visit: an activity of the community’s team, needing the suitability check', async () => {
    const bad = await flag(caseworker, householdA, ['elderly_alone', 'elderly_alone']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('flags');
    const flaggedA = await flag(caseworker, householdA, ['severely_disabled', 'elderly_alone']);
    expect(flaggedA.status).toBe(200);
    expect(flaggedA.body.care).toMatchObject({ flags: ['elderly_alone', 'severely_disabled'] });
    expect(Date.parse(flaggedA.body.care.nextVisitDueAt)).toBeLessThanOrEqual(Date.now());
    expect((await flag(caseworker, householdB, ['elderly_alone'])).status).toBe(200);
    const audit = await stack
      .db('audit_events')
      .where({ action: 'household.care_flags', entity_id: String(householdA) })
      .first('before', 'after', 'actor_username');
    expect(audit).toMatchObject({
      before: { flags: [] },
      after: { flags: ['elderly_alone', 'severely_disabled'], note: '社区走访摸排' },
      actor_username: 'caseworker1',
    });

    expect(await ensureVisitSchedule(stack.temporal, stack.env)).toBe('created');
    const visit = await firstVisit(householdA);
    expect(visit).toMatchObject({
      householdId: householdA,
      teamId,
      placesTotal: 2,
      servesVulnerable: true,
      flags: ['elderly_alone', 'severely_disabled'],
      status: 'open',
      records: [],
    });
    expect(Date.parse(visit.startsAt)).toBeGreaterThan(Date.now());
    const activity = (await leader.call('GET', `/api/volunteer-activities/${visit.activityId}`)).body;
    expect(activity).toMatchObject({ homeVisitId: visit.id, teamId, placesTotal: 2, servesVulnerable: true });
    expect(activity.place).toBe(visit.address);
    const next = (await caseworker.call('GET', `/api/households/${householdA}`)).body.care.nextVisitDueAt;
    expect(Date.parse(next) - Date.parse(visit.dueAt)).toBe(12 * DAY * 1000);
    // One visit per household and due time, however many passes ran meanwhile.
    expect(await visitsOf(householdA)).toHaveLength(1);

    // Sign-ups before it starts: a volunteer who was never checked is refused.
    const refused = await act(caseworker, unchecked, 'sign-ups', { activityId: visit.activityId });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('适岗审查');
    for (const v of [v1, v2])
      expect((await act(caseworker, v, 'sign-ups', { activityId: visit.activityId })).status).toBe(200);
    const visitB = await firstVisit(householdB);
    expect(visitB).toMatchObject({ placesTotal: 1, servesVulnerable: true });
    expect((await act(caseworker, v3, 'sign-ups', { activityId: visitB.activityId })).status).toBe(200);
  });

  it('a concern raises exactly one task; each volunteer’s record confirms her hours once', async () => {
    const visit = (await visitsOf(householdA))[0];
    const early = await record(leader, visit.id, { volunteerId: v1, outcome: 'done', minutes: 1 });
    expect(early.status).toBe(409); // the usual hours rule: not before the activity is over
    await untilOver(visit);

    const tooLong = await record(leader, visit.id, { volunteerId: v1, outcome: 'done', minutes: 5 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toHaveProperty('minutes');
    const noNote = await record(leader, visit.id, {
      volunteerId: v1,
      outcome: 'concern',
      concernKind: 'hospitalised',
      minutes: 1,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors).toHaveProperty('note');
    const notSignedUp = await record(leader, visit.id, { volunteerId: v3, outcome: 'done', minutes: 1 });
    expect(notSignedUp.status).toBe(400);
    expect(notSignedUp.body.errors).toHaveProperty('volunteerId');

    const concern = { outcome: 'concern', concernKind: 'hospitalised', note: '邻居说老人上周住院', minutes: 1 };
    const first = await record(leader, visit.id, { volunteerId: v1, ...concern });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.records).toMatchObject([
      { volunteerId: v1, outcome: 'concern', concernKind: 'hospitalised', hoursStatus: 'confirmed', minutes: 1 },
    ]);
    // The second volunteer on the same visit saw the same thing: still one task.
    const second = await record(caseworker, visit.id, { volunteerId: v2, ...concern, note: '已住院' });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const again = await record(caseworker, visit.id, { volunteerId: v1, outcome: 'done', minutes: 1 });
    expect(again.status).toBe(409);

    const tasks = await stack.db('casework_tasks').where({ household_id: householdA, kind: 'visit_concern' });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      application_id: applicationA,
      community_id: communityId,
      status: 'open',
      details: { concern: 'hospitalised', homeVisitId: visit.id, volunteerId: v1 },
    });
    expect(tasks[0].title).toContain('住院');
    expect(tasks[0].due_at.getTime()).toBeGreaterThan(Date.now());
    expect(second.body.records.map((r: { taskId: number }) => r.taskId)).toEqual(
      [tasks[0].id, tasks[0].id].map(Number),
    );

    for (const v of [v1, v2]) {
      const hours = await stack.db('volunteer_hours').where({ volunteer_id: v, activity_id: visit.activityId });
      expect(hours).toMatchObject([{ status: 'confirmed', minutes: 1 }]);
      expect((await stack.db('volunteers').where({ id: v }).first('confirmed_minutes')).confirmed_minutes).toBe('1');
      const events = await stack.db('volunteer_events').where({ volunteer_id: v }).orderBy('seq').pluck('decision');
      expect(events.filter((d) => d === 'home_visit')).toHaveLength(1);
      expect(events.filter((d) => d === 'hours_confirmed')).toHaveLength(1);
    }
    // Decided by the visit record: the hours page cannot confirm them a second time.
    const entry = await stack
      .db('volunteer_hours')
      .where({ volunteer_id: v1, activity_id: visit.activityId })
      .first('id');
    expect((await leader.call('POST', `/api/volunteer-hours/${entry.id}/confirm`, {})).status).toBe(409);
  });

  it(
    'two planned visits missed in a row (not home, then nothing recorded) raise one task and tell the caseworker',
    { timeout: 120_000 },
    async () => {
      const [visit0] = await visitsOf(householdB);
      await untilOver(visit0);
      const notHome = await record(leader, visit0.id, {
        volunteerId: v3,
        outcome: 'not_home',
        note: '敲门无人应答',
        minutes: 1,
      });
      expect(notHome.status, JSON.stringify(notHome.body)).toBe(200);
      expect(notHome.body.records[0]).toMatchObject({ outcome: 'not_home', hoursStatus: 'confirmed', taskId: null });

      // The second visit is planned one interval on; nobody records it.
      const both = await waitFor(
        'both visits of household B settled',
        async () => {
          const vs = await visitsOf(householdB);
          return vs.length >= 2 && vs[1].status !== 'open' ? vs : undefined;
        },
        90_000,
      );
      expect(both.slice(0, 2).map((v) => [v.status, v.missedStreak])).toEqual([
        ['missed', 1],
        ['missed', 2],
      ]);
      const tasks = await stack.db('casework_tasks').where({ household_id: householdB, kind: 'visit_missed' });
      expect(tasks).toHaveLength(1);
      expect(tasks[0].details.homeVisitIds).toEqual([visit0.id, both[1].id]);
      const bell = await caseworker.call(
        'GET',
        `/api/notifications?filter=${encodeURIComponent(JSON.stringify({ kind: 'visit_missed' }))}`,
      );
      expect(bell.status).toBe(200);
      expect(bell.body.filter((n: { entityId: string }) => n.entityId === String(householdB))).toHaveLength(1);
      // No task for household A, whose visit was made.
      expect(await stack.db('casework_tasks').where({ household_id: householdA, kind: 'visit_missed' })).toHaveLength(
        0,
      );

      // A third miss in the same run adds nothing.
      await waitFor(
        'the third visit of household B settled',
        async () => {
          const vs = await visitsOf(householdB);
          return vs.length >= 3 && vs[2].status !== 'open' ? vs : undefined;
        },
        90_000,
      );
      expect(await stack.db('casework_tasks').where({ household_id: householdB, kind: 'visit_missed' })).toHaveLength(
        1,
      );
    },
  );

  it('clearing the flags ends the plan', async () => {
    const cleared = await flag(caseworker, householdA, []);
    expect(cleared.body.care).toEqual({ flags: [], since: null, nextVisitDueAt: null });
    const before = (await visitsOf(householdA)).length;
    await new Promise((r) => setTimeout(r, 3 * DAY * 1000));
    expect(await visitsOf(householdA)).toHaveLength(before);
  });
});
