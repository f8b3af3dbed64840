import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedRegistry } from '../../activities/suitability/simulated.js';
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import {
  act,
  activeVolunteer,
  activity,
  endActivity,
  register,
  team,
  volunteerBody,
  volunteerOf,
  waitVolunteer,
} from '../support/volunteers.js';

// The volunteer's paths with a real worker: screening (age, consent, the suitability registry
// failing and recovering), approval, sign-ups and their refusals, the last-place race, hours
// and their single confirmation, stars, scoping.

describe('volunteer workflow: screening, sign-ups, hours and stars', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  let leader: ApiClient;
  let leaderId: number;
  const registry = createSimulatedRegistry();
  beforeAll(async () => {
    stack = await startTestStack({
      env: { SHEQU_DAY_SECONDS: '1', SHEQU_SUITABILITY_ATTEMPTS: '2' },
      suitability: registry,
    });
    caseworker = await login(stack, 'caseworker1');
    leader = await login(stack, 'leader1');
    leaderId = (await stack.db('users').where({ username: 'leader1' }).first('id')).id;
  });
  afterAll(() => stack.stop());

  it('an adult is screened, approved and active; every step on the timeline and in the audit log', async () => {
    const v = await register(caseworker);
    expect(v.workflowId).toBe(`volunteer-${v.id}`);
    const waiting = await waitVolunteer(caseworker, v.id, (x) => x.stage === 'approval', 'approval');
    expect(waiting).toMatchObject({ suitability: 'not_needed', allowedActions: ['approve', 'reject'] });
    const approved = await act(caseworker, v.id, 'approve', { comment: '材料齐全' });
    expect(approved.body).toMatchObject({ stage: 'active', starLevel: 0, confirmedHours: 0 });
    expect(Date.parse(approved.body.reconfirmDueAt)).toBeGreaterThan(Date.now());
    expect(approved.body.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'register',
      'received',
      'screened',
      'approve',
    ]);
    const audit = await stack
      .db('audit_events')
      .where({ entity_type: 'volunteer', entity_id: String(v.id) })
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual(['volunteer.register', 'volunteer.received', 'volunteer.screened', 'volunteer.approve']);
    expect((await act(caseworker, v.id, 'approve')).status).toBe(409);
  });

  it('under 14 is refused; 14–17 needs a guardian’s consent; a second registration of the same person is refused', async () => {
    const child = await caseworker.call('POST', '/api/volunteers', volunteerBody({ birth: '20150101' }));
    expect(child.status).toBe(400);
    expect(child.body.errors).toHaveProperty('idNumber');
    const minor = await caseworker.call('POST', '/api/volunteers', volunteerBody({ birth: '20100601' }));
    expect(minor.status).toBe(400);
    expect(Object.keys(minor.body.errors).sort()).toEqual(['guardianConsent', 'guardianName']);
    expect(await stack.db('volunteers').where('birth_date', '>', '2009-01-01').count()).toEqual([{ count: '0' }]);
    const body = volunteerBody({ birth: '20100601', guardian: true });
    const ok = await register(caseworker, body);
    await waitVolunteer(caseworker, ok.id, (x) => x.stage === 'approval', 'approval');
    expect(await volunteerOf(caseworker, ok.id)).toMatchObject({ minor: true, guardianName: '监护人' });
    expect((await caseworker.call('POST', '/api/volunteers', body)).status).toBe(409);
    const adult = volunteerBody();
    const both = await Promise.all([
      caseworker.call('POST', '/api/volunteers', adult),
      caseworker.call('POST', '/api/volunteers', adult),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('a suitability registry that does not answer leaves her waiting in screening; a rescreen once it is back moves her on', async () => {
    registry.down();
    const v = await register(caseworker, volunteerBody({ servesVulnerable: true }));
    const stuck = await waitVolunteer(caseworker, v.id, (x) => x.suitability === 'error', 'registry error', 30_000);
    expect(stuck).toMatchObject({ stage: 'screening', allowedActions: ['rescreen', 'reject'] });
    expect(
      await stack
        .db('notifications')
        .where({ kind: 'suitability_error', entity_id: String(v.id) })
        .count(),
    ).toEqual([{ count: '1' }]);
    registry.up();
    expect((await act(caseworker, v.id, 'rescreen')).status).toBe(200);
    const passed = await waitVolunteer(caseworker, v.id, (x) => x.stage === 'approval', 'approval');
    expect(passed.suitability).toBe('passed');
    expect(passed.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'register',
      'received',
      'suitability_error',
      'rescreen',
      'screened',
    ]);
    await recordHistory(stack, v.workflowId, 'volunteer-registry-down-rescreened');
  });

  it('sign-ups are refused when full, overlapping, needing a check or a skill she lacks; two for the last place give one', async () => {
    const t = await team(caseworker);
    const flagged = await activeVolunteer(caseworker, volunteerBody({ servesVulnerable: true, seq: 991 }));
    expect(flagged.suitability).toBe('failed');
    const vulnerable = await activity(caseworker, t.id, { servesVulnerable: true });
    const refused = await act(caseworker, flagged.id, 'sign-ups', { activityId: vulnerable.id });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/suitability/);
    const skilled = await activity(caseworker, t.id, { requiredSkills: ['理发'], startsInMs: 10 * 3600_000 });
    expect((await act(caseworker, flagged.id, 'sign-ups', { activityId: skilled.id })).body.message).toMatch(
      /missing required skills/,
    );

    const a = await activeVolunteer(caseworker);
    const b = await activeVolunteer(caseworker);
    const last = await activity(caseworker, t.id, { places: 1, startsInMs: 20 * 3600_000 });
    const both = await Promise.all([
      act(caseworker, a.id, 'sign-ups', { activityId: last.id }),
      act(caseworker, b.id, 'sign-ups', { activityId: last.id }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.message).toMatch(/activity full/);
    expect(await stack.db('volunteer_activities').where({ id: last.id }).first('places_left')).toEqual({
      places_left: 0,
    });
    expect(await stack.db('volunteer_assignments').where({ activity_id: last.id }).count()).toEqual([{ count: '1' }]);

    const winner = both[0].status === 200 ? a : b;
    const overlapping = await activity(caseworker, t.id, { startsInMs: 20 * 3600_000 + 1800_000 });
    expect((await act(caseworker, winner.id, 'sign-ups', { activityId: overlapping.id })).body.message).toMatch(
      /overlaps/,
    );
    expect((await act(caseworker, winner.id, 'sign-ups', { activityId: last.id })).status).toBe(409);
  });

  it('hours: only for an activity she was assigned to, once it is over, logged once, confirmed once by the team leader', async () => {
    const t = await team(caseworker, { leaderUserId: leaderId });
    const v = await activeVolunteer(caseworker);
    const other = await activity(caseworker, t.id);
    const mine = await activity(caseworker, t.id, { startsInMs: 5 * 3600_000, hours: 3 });
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: mine.id })).status).toBe(200);
    expect((await act(caseworker, v.id, 'hours', { activityId: mine.id, minutes: 120 })).body.message).toMatch(
      /not over/,
    );
    await endActivity(stack, mine.id);
    await endActivity(stack, other.id);
    const notAssigned = await act(caseworker, v.id, 'hours', { activityId: other.id, minutes: 60 });
    expect(notAssigned.status).toBe(400);
    expect(notAssigned.body.errors).toHaveProperty('activityId');
    expect((await act(caseworker, v.id, 'hours', { activityId: mine.id, minutes: 200 })).body.errors).toHaveProperty(
      'minutes',
    );
    const logged = await act(caseworker, v.id, 'hours', { activityId: mine.id, minutes: 150 });
    expect(logged.body.hours).toMatchObject([{ minutes: 150, status: 'pending' }]);
    expect((await act(caseworker, v.id, 'hours', { activityId: mine.id, minutes: 150 })).body.message).toMatch(
      /already logged/,
    );

    const hoursId = logged.body.hours[0].id;
    const pending = await leader.call(
      'GET',
      `/api/volunteer-hours?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`,
    );
    expect(pending.body.map((h: { id: number }) => h.id)).toEqual([hoursId]);
    const twice = await Promise.all([
      leader.call('POST', `/api/volunteer-hours/${hoursId}/confirm`, {}),
      caseworker.call('POST', `/api/volunteer-hours/${hoursId}/confirm`, {}),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await volunteerOf(caseworker, v.id);
    expect(after).toMatchObject({ confirmedHours: 2.5, starLevel: 0, hours: [{ status: 'confirmed' }] });
    expect(after.decisions.filter((d: { decision: string }) => d.decision === 'hours_confirmed')).toHaveLength(1);
    expect((await leader.call('POST', `/api/volunteer-hours/${hoursId}/reject`, { reason: '' })).status).toBe(400);
  });

  it('confirmed hours past 100 reach the first star: a recognition, a timeline entry and a notification', async () => {
    const t = await team(caseworker, { leaderUserId: leaderId });
    const v = await activeVolunteer(caseworker);
    const ids: number[] = [];
    for (const hours of [60, 45]) {
      const a = await activity(caseworker, t.id, { hours, startsInMs: (ids.length + 1) * 200 * 3600_000 });
      await act(caseworker, v.id, 'sign-ups', { activityId: a.id });
      await endActivity(stack, a.id);
      const logged = await act(caseworker, v.id, 'hours', { activityId: a.id, minutes: hours * 60 });
      ids.push(logged.body.hours[0].id);
    }
    const bulk = await leader.call('POST', '/api/volunteer-hours/confirm', { ids: [...ids, ids[0]] });
    expect(bulk.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 409]);
    const starred = await volunteerOf(caseworker, v.id);
    expect(starred).toMatchObject({
      confirmedHours: 105,
      starLevel: 1,
      recognitions: [{ level: 1, confirmedHours: 105 }],
    });
    expect(starred.decisions.filter((d: { decision: string }) => d.decision === 'star_reached')).toHaveLength(1);
    await waitFor('star notification', async () =>
      stack
        .db('notifications')
        .where({ kind: 'star_reached', entity_id: String(v.id) })
        .first(),
    );
    await recordHistory(stack, `volunteer-${v.id}`, 'volunteer-hours-star');
  });

  it('another street’s caseworker sees nothing; a team leader sees only his teams’ hours and may not approve', async () => {
    const v = await register(caseworker);
    await waitVolunteer(caseworker, v.id, (x) => x.stage === 'approval', 'approval');
    const hash = (await stack.db('users').where({ username: 'caseworker1' }).first()).password_hash;
    const cx01 = await stack.db('org_units').where({ code: 'cx-01' }).first('id');
    await stack.db('users').insert([
      {
        username: 'caseworker-cx',
        display_name: '城西专干',
        role: 'caseworker',
        org_unit_id: cx01.id,
        password_hash: hash,
      },
      { username: 'leader-2', display_name: '另一队长', role: 'team_leader', org_unit_id: 3, password_hash: hash },
    ]);
    const outsider = await login(stack, 'caseworker-cx');
    expect(
      (await caseworker.call('GET', '/api/team-leaders')).body.map((l: { username: string }) => l.username).sort(),
    ).toEqual(['leader-2', 'leader1']);
    expect((await outsider.call('GET', '/api/team-leaders')).body).toEqual([]);
    expect((await outsider.call('GET', `/api/volunteers/${v.id}`)).status).toBe(404);
    expect((await act(outsider, v.id, 'approve')).status).toBe(404);
    expect((await outsider.call('GET', '/api/volunteers')).headers.get('content-range')).toMatch(/\/0$/);
    expect((await outsider.call('GET', '/api/volunteer-hours')).body).toEqual([]);
    expect((await act(leader, v.id, 'approve')).status).toBe(403);
    const otherLeader = await login(stack, 'leader-2');
    expect((await otherLeader.call('GET', '/api/volunteer-hours')).body).toEqual([]);
    const anyHours = await stack.db('volunteer_hours').first('id');
    expect((await otherLeader.call('POST', `/api/volunteer-hours/${anyHours.id}/confirm`, {})).status).toBe(404);
    expect((await volunteerOf(caseworker, v.id)).stage).toBe('approval');
  });

  it('a team leader plans activities of the teams she leads, and only those', async () => {
    const hers = await team(caseworker, { leaderUserId: leaderId });
    const notHers = await team(caseworker);
    const planned = await activity(leader, hers.id);
    expect(planned).toMatchObject({ teamId: hers.id });
    const starts = Date.now() + 3600_000;
    const refused = await leader.call('POST', '/api/volunteer-activities', {
      teamId: notHers.id,
      title: '不是本队的活动',
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(starts + 3600_000).toISOString(),
      place: '社区活动室',
      placesTotal: 3,
      requiredSkills: [],
      servesVulnerable: false,
    });
    expect(refused.status).toBe(403);
    expect(await stack.db('volunteer_activities').where({ title: '不是本队的活动' }).count()).toEqual([{ count: '0' }]);
    // Her team picker lists her own teams only.
    const filter = encodeURIComponent(JSON.stringify({ leaderUserId: leaderId }));
    const mine = await leader.call('GET', `/api/volunteer-teams?filter=${filter}`);
    expect(mine.body.map((t: { leaderUserId: number }) => t.leaderUserId)).toEqual(expect.arrayContaining([leaderId]));
    expect(mine.body.every((t: { leaderUserId: number }) => t.leaderUserId === leaderId)).toBe(true);
  });
});
