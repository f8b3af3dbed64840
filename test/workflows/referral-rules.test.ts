import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpening,
  helperOf,
  hire,
  refer,
  referral,
  seekerBody,
  step,
  toInterview,
  toMatching,
  waitReferral,
} from '../support/referrals.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import { decryptPii } from '../../db/pii.js';

// What a referral refuses and what it raises: the placement deadline (4 policy days of one
// second), the race for an opening's last place, scoping to the caseworker's area and bad input.

describe('referral workflow: deadline, last place, scoping, refusals', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({ env: { SHEQU_DAY_SECONDS: '1', SHEQU_PLACEMENT_DAYS: '4' } });
    caseworker = await login(stack, 'caseworker1');
    supervisor = await login(stack, 'supervisor1');
  });
  afterAll(() => stack.stop());

  it('a seeker not placed within the placement days is marked overdue for supervisors, and stays overdue while she searches', async () => {
    const batch = await refer(caseworker);
    const id = batch.referralIds[0];
    const r = await waitReferral(caseworker, id, (x) => x.overdue, 'overdue', 30_000);
    expect(r.stage).toBe('intake');
    const notice = await waitFor('supervisor notification', async () =>
      stack
        .db('notifications')
        .where({ entity_type: 'referral', entity_id: String(id), kind: 'overdue', audience_role: 'supervisor' })
        .first(),
    );
    expect(notice.message).toContain(`#${id}`);
    const mine = await supervisor.call(
      'GET',
      `/api/referrals?filter=${encodeURIComponent(JSON.stringify({ myQueue: true }))}`,
    );
    expect(mine.body.map((x: { id: number }) => x.id)).toContain(id);
    const found = await waitFor('visibility', async () => {
      const ids: string[] = [];
      for await (const wf of stack.temporal.workflow.list({
        query: `ShequKind = 'referral' AND ShequCaseId = '${id}' AND ShequOverdue = 'true'`,
      }))
        ids.push(wf.workflowId);
      return ids.length ? ids : undefined;
    });
    expect(found).toEqual([`referral-${id}`]);

    // Assessment moves her on, but the deadline was about the placement: still overdue.
    await step(caseworker, id, 'assess', {
      education: 'junior_high',
      skills: ['保洁'],
      helperId: await helperOf(stack),
    });
    const after = await waitReferral(caseworker, id, (x) => x.stage === 'matching', 'matching');
    expect(after.overdue).toBe(true);
    expect(
      await stack
        .db('notifications')
        .where({ entity_type: 'referral', entity_id: String(id), kind: 'overdue' })
        .count(),
    ).toEqual([{ count: '1' }]);
  });

  it('two placements racing for the last place: one is placed, the other gets a 409 and stays in interview', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['焊工'], places: 1 });
    const a = await toMatching(stack, caseworker, ['焊工'], [opening.id]);
    const b = await toMatching(stack, caseworker, ['焊工'], [opening.id]);
    await toInterview(caseworker, a.id, opening.id);
    await toInterview(caseworker, b.id, opening.id);
    const results = await Promise.all([hire(caseworker, a.id), hire(caseworker, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results[0].status === 409 ? a.id : b.id;
    expect(results.find((r) => r.status === 409)!.body.message).toMatch(/no place left/);
    expect((await referral(caseworker, loser)).stage).toBe('interview');
    expect(await stack.db('job_openings').where({ id: opening.id }).first('places_left')).toEqual({ places_left: 0 });
    expect(await stack.db('placements').where({ opening_id: opening.id }).count()).toEqual([{ count: '1' }]);

    // A full opening leaves matching: a referral still matching ranks again without it.
    const c = await toMatching(stack, caseworker, ['焊工']);
    expect(c.matches.map((m: { openingId: number }) => m.openingId)).not.toContain(opening.id);
    expect((await step(caseworker, c.id, 'propose', { openingId: opening.id })).status).toBe(409);
    expect((await referral(caseworker, c.id)).stage).toBe('matching');
  });

  it('an opening edited to fewer places than are filled is refused; more places make it offerable again', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['钳工'], places: 2 });
    for (let i = 0; i < 2; i++) {
      const a = await toMatching(stack, caseworker, ['钳工'], [opening.id]);
      await toInterview(caseworker, a.id, opening.id);
      expect((await hire(caseworker, a.id)).status).toBe(200);
    }
    const b = await toMatching(stack, caseworker, ['钳工']);
    expect(b.matches.map((m: { openingId: number }) => m.openingId)).not.toContain(opening.id);
    const fewer = await caseworker.call('PUT', `/api/job-openings/${opening.id}`, { placesTotal: 1 });
    expect(fewer.status).toBe(409);
    expect(fewer.body.message).toContain('已安置2人');
    const more = await caseworker.call('PUT', `/api/job-openings/${opening.id}`, { placesTotal: 3 });
    expect(more.body).toMatchObject({ placesTotal: 3, placesLeft: 1, placed: 2 });
    // The edit tells the referrals in matching: b ranks again and now sees the opening.
    await waitReferral(
      caseworker,
      b.id,
      (r) => r.matches.some((m: { openingId: number }) => m.openingId === opening.id),
      'ranked with the reopened opening',
    );
    const audit = await stack
      .db('audit_events')
      .where({ entity_type: 'job_opening', entity_id: String(opening.id) })
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual(['job_opening.create', 'job_opening.update']);
  });

  it('another street’s caseworker sees nothing of the referral; a street reviewer reads it but may not act', async () => {
    const m = await toMatching(stack, caseworker, ['保洁']);
    const hash = (await stack.db('users').where({ username: 'caseworker1' }).first()).password_hash;
    const cx01 = await stack.db('org_units').where({ code: 'cx-01' }).first('id');
    await stack.db('users').insert({
      username: 'caseworker-cx',
      display_name: '城西专干',
      role: 'caseworker',
      org_unit_id: cx01.id,
      password_hash: hash,
    });
    const outsider = await login(stack, 'caseworker-cx');
    expect((await outsider.call('GET', `/api/referrals/${m.id}`)).status).toBe(404);
    expect((await step(outsider, m.id, 'withdraw', { reason: 'x' })).status).toBe(404);
    const list = await outsider.call('GET', '/api/referrals');
    expect(list.body).toEqual([]);
    expect(list.headers.get('content-range')).toMatch(/\/0$/);
    expect((await outsider.call('GET', '/api/job-seekers')).body).toEqual([]);
    expect((await outsider.call('GET', '/api/placements')).body).toEqual([]);
    // A list none of whose people are hers: not even that it exists.
    expect((await outsider.call('GET', `/api/referral-batches/${m.batchId}`)).status).toBe(404);
    expect((await outsider.call('GET', '/api/referral-batches')).headers.get('content-range')).toMatch(/\/0$/);
    // She sees every street (to record employers and openings there) but no other community.
    const units = (await outsider.call('GET', `/api/org-units?range=${encodeURIComponent('[0,199]')}`)).body as {
      kind: string;
      code: string;
    }[];
    expect(units.filter((u) => u.kind === 'street')).toHaveLength(6);
    expect(units.filter((u) => u.kind === 'community').map((u) => u.code)).toEqual(['cx-01']);
    expect((await outsider.call('GET', '/api/org-units/3')).status).toBe(404);
    // And she may not refer someone into another street's community.
    expect(
      (
        await outsider.call('POST', '/api/referral-batches', {
          enterpriseId: 1,
          reference: 'x-1',
          receivedOn: '2026-11-20',
          seekers: [seekerBody(3)],
        })
      ).status,
    ).toBe(403);

    const reviewer = await login(stack, 'reviewer1');
    expect((await reviewer.call('GET', `/api/referrals/${m.id}`)).body.allowedActions).toEqual([]);
    expect((await step(reviewer, m.id, 'withdraw', { reason: 'x' })).status).toBe(403);
    expect((await referral(caseworker, m.id)).stage).toBe('matching');
  });

  it('bad input is refused per field and records nothing', async () => {
    const before = await stack.db('referrals').count();
    const bad = await caseworker.call('POST', '/api/referral-batches', {
      enterpriseId: 1,
      reference: '坏名单',
      receivedOn: '2026-13-01',
      seekers: [seekerBody(3, { idNumber: '321202197506010010' }), seekerBody(2), seekerBody(3, { education: 'none' })],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(
      expect.arrayContaining(['receivedOn', 'seekers.0.idNumber', 'seekers.2.education']),
    );
    const notCommunity = await caseworker.call('POST', '/api/referral-batches', {
      enterpriseId: 1,
      reference: '坏名单2',
      receivedOn: '2026-11-20',
      seekers: [seekerBody(3), seekerBody(2)],
    });
    expect(notCommunity.status).toBe(400);
    expect(notCommunity.body.errors).toHaveProperty(['seekers.1.communityId']);
    expect(await stack.db('referrals').count()).toEqual(before);

    const batch = await refer(caseworker);
    const id = batch.referralIds[0];
    await waitReferral(caseworker, id, (r) => r.stage === 'intake', 'intake');
    const sameAgain = await caseworker.call('POST', '/api/referral-batches', {
      enterpriseId: 2,
      reference: '重复',
      receivedOn: '2026-11-20',
      seekers: [
        seekerBody(3, {
          idNumber: decryptPii(
            (await stack.db('job_seekers').orderBy('id', 'desc').first('id_number_enc')).id_number_enc,
          ),
        }),
      ],
    });
    expect(sameAgain.status).toBe(400);
    expect(sameAgain.body.errors['seekers.0.idNumber']).toContain(`#${id}`);

    const otherHelper = await helperOf(stack, 4);
    const wrongHelper = await step(caseworker, id, 'assess', {
      education: 'junior_high',
      skills: [],
      helperId: otherHelper,
    });
    expect(wrongHelper.status).toBe(404); // another community's helper: outside the caseworker's area
    expect(wrongHelper.body.errors).toHaveProperty('helperId');
    const early = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    expect((await step(caseworker, id, 'propose', { openingId: early.id })).status).toBe(409); // not matching yet
    expect(
      (
        await step(caseworker, id, 'assess', {
          education: 'junior_high',
          skills: [''],
          helperId: await helperOf(stack),
        })
      ).status,
    ).toBe(400);
    const r = await referral(caseworker, id);
    expect(r).toMatchObject({ stage: 'intake', helper: null, assessment: null });
    await step(caseworker, id, 'assess', {
      education: 'junior_high',
      skills: ['保洁'],
      helperId: await helperOf(stack),
    });
    await waitReferral(caseworker, id, (x) => x.stage === 'matching', 'matching');
    const opening = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    await step(caseworker, id, 'propose', { openingId: opening.id });
    const past = await step(caseworker, id, 'respond', {
      accepted: true,
      interviewAt: '2020-01-01T09:00:00+08:00',
      place: '单位',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toHaveProperty('interviewAt');
    const noPlace = await step(caseworker, id, 'respond', {
      accepted: true,
      interviewAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.errors).toHaveProperty('place');
    expect((await referral(caseworker, id)).stage).toBe('proposed');
  });
});
