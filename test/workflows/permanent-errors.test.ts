import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { act, activeVolunteer, activity, team, volunteerOf } from '../support/volunteers.js';

// No input and no fault may freeze a case (issue 16): a mistyped id is refused before any
// Update is sent, and an error PostgreSQL would repeat on every retry ends the step at once with
// a 4xx, leaving the case free for the next step. Real API, worker, Temporal and PostgreSQL.

const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const t0 = Date.now();
  const value = await run();
  return { value, ms: Date.now() - t0 };
};

/** What Temporal itself says the case is doing: its pending activities and their attempts. */
async function pendingActivities(stack: TestStack, workflowId: string) {
  const d = await stack.temporal.workflow.getHandle(workflowId).describe();
  return (d.raw.pendingActivities ?? []).map((a) => ({ type: a.activityType?.name, attempt: a.attempt }));
}

describe('permanent errors fail fast; the case goes on', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  beforeAll(async () => {
    // A request waits at most 2 s for a step's outcome (the default is 20).
    stack = await startTestStack({ env: { SHEQU_UPDATE_WAIT_SECONDS: '2' } });
    caseworker = await login(stack, 'caseworker1');
  });
  afterAll(() => stack.stop());

  it('an activity id beyond PostgreSQL integers is a 400 on its field, nothing is sent, and the next sign-up succeeds', async () => {
    const v = await activeVolunteer(caseworker);
    const t = await team(caseworker);
    const a = await activity(caseworker, t.id);
    for (const path of ['sign-ups', 'hours']) {
      const bad = await timed(() =>
        act(caseworker, v.id, path, { activityId: 2_147_483_648, ...(path === 'hours' ? { minutes: 60 } : {}) }),
      );
      expect(bad.value.status, JSON.stringify(bad.value.body)).toBe(400);
      expect(bad.value.body.errors).toHaveProperty('activityId');
      expect(bad.ms).toBeLessThan(5_000);
    }
    const ok = await act(caseworker, v.id, 'sign-ups', { activityId: a.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await pendingActivities(stack, v.workflowId)).toEqual([]);
  });

  it('a data exception inside the step’s activity answers the Update with a 400 at once, leaves nothing retrying, and the case takes its next step', async () => {
    const v = await activeVolunteer(caseworker);
    const t = await team(caseworker);
    const [first, second] = [
      await activity(caseworker, t.id),
      await activity(caseworker, t.id, { startsInMs: 6 * 3600_000 }),
    ];
    // A fault the code does not expect: PostgreSQL refuses the sign-up's write with a data
    // exception (class 22) that would come back on every retry.
    await stack.db.raw(`
      CREATE FUNCTION test_refuse_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'planted data exception' USING ERRCODE = '22023'; END $$;
      CREATE TRIGGER test_refuse_assignment BEFORE INSERT ON volunteer_assignments FOR EACH ROW EXECUTE FUNCTION test_refuse_assignment();`);
    const refused = await timed(() => act(caseworker, v.id, 'sign-ups', { activityId: first.id }));
    expect(refused.value.status, JSON.stringify(refused.value.body)).toBe(400);
    expect(refused.value.body.message).toContain('数据无效');
    expect(refused.value.body.message).not.toContain('volunteer_assignments'); // no SQL in what a person reads
    expect(refused.ms).toBeLessThan(5_000);
    expect(await pendingActivities(stack, v.workflowId)).toEqual([]);
    // Nothing was written: the place is still free, and no timeline entry claims a sign-up.
    expect((await stack.db('volunteer_activities').where({ id: first.id }).first('places_left')).places_left).toBe(5);
    expect(await stack.db('volunteer_events').where({ volunteer_id: v.id, decision: 'sign_up' }).count()).toEqual([
      { count: '0' },
    ]);
    // The supervisors' list shows nothing left running on this case.
    const supervisor = await login(stack, 'supervisor1');
    const stuck = await supervisor.call(
      'GET',
      `/api/workflows?filter=${encodeURIComponent(JSON.stringify({ reason: 'failing_activity' }))}`,
    );
    expect(stuck.status).toBe(200);
    expect((stuck.body as { id: string }[]).map((r) => r.id)).not.toContain(v.workflowId);

    await stack.db.raw(
      'DROP TRIGGER test_refuse_assignment ON volunteer_assignments; DROP FUNCTION test_refuse_assignment();',
    );
    const next = await act(caseworker, v.id, 'sign-ups', { activityId: second.id });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const again = await act(caseworker, v.id, 'sign-ups', { activityId: first.id });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await volunteerOf(caseworker, v.id)).stage).toBe('active');
    expect(await stack.db('volunteer_assignments').where({ volunteer_id: v.id }).count()).toEqual([{ count: '2' }]);
  });

  it('a step slower than the wait bound answers 503 with Retry-After; the retry under the same key gets its outcome, recorded once', async () => {
    const v = await activeVolunteer(caseworker);
    const t = await team(caseworker);
    const a = await activity(caseworker, t.id);
    // A database slow on purpose: the sign-up's write takes 5 s, longer than the 2 s bound.
    await stack.db.raw(`
      CREATE FUNCTION test_slow_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(5); RETURN NEW; END $$;
      CREATE TRIGGER test_slow_assignment BEFORE INSERT ON volunteer_assignments FOR EACH ROW EXECUTE FUNCTION test_slow_assignment();`);
    try {
      const key = { 'idempotency-key': randomUUID() };
      const path = `/api/volunteers/${v.id}/sign-ups`;
      const first = await timed(() => caseworker.call('POST', path, { activityId: a.id }, key));
      expect(first.value.status, JSON.stringify(first.value.body)).toBe(503);
      expect(first.value.body.message).toContain('Idempotency-Key');
      expect(Number(first.value.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(first.ms).toBeGreaterThanOrEqual(1_900);
      expect(first.ms).toBeLessThan(4_500);

      // A careful client waits as told and asks again under the same key, until the outcome is there.
      let answer = first.value;
      const statuses: number[] = [];
      for (let i = 0; i < 10 && answer.status === 503; i++) {
        await new Promise((r) => setTimeout(r, Number(answer.headers.get('retry-after')) * 1000));
        answer = await caseworker.call('POST', path, { activityId: a.id }, key);
        statuses.push(answer.status);
      }
      expect(answer.status, `${statuses.join(',')} ${JSON.stringify(answer.body)}`).toBe(200);
      expect(answer.body.stage).toBe('active');
      const replay = await caseworker.call('POST', path, { activityId: a.id }, key);
      expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
      // Once: one assignment, one place taken, one timeline entry, one audit event.
      expect(await stack.db('volunteer_assignments').where({ volunteer_id: v.id }).count()).toEqual([{ count: '1' }]);
      expect((await stack.db('volunteer_activities').where({ id: a.id }).first('places_left')).places_left).toBe(4);
      expect(await stack.db('volunteer_events').where({ volunteer_id: v.id, decision: 'sign_up' }).count()).toEqual([
        { count: '1' },
      ]);
      expect(
        await stack
          .db('audit_events')
          .where({ entity_type: 'volunteer', entity_id: String(v.id), action: 'volunteer.sign_up' })
          .count(),
      ).toEqual([{ count: '1' }]);
    } finally {
      await stack.db.raw(
        'DROP TRIGGER test_slow_assignment ON volunteer_assignments; DROP FUNCTION test_slow_assignment();',
      );
    }
  });
});
