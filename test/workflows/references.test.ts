import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, decide, findings, waitStage } from '../support/benefit.js';
import { createOpening, helperOf, refer, seekerBody, step, waitReferral } from '../support/referrals.js';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { act, activeVolunteer, activity, endActivity, team } from '../support/volunteers.js';

// Every id a step names in its body is checked by the API before any Update is sent (issue 16):
// beyond PostgreSQL integers, naming nothing, outside the caller's area, or of the wrong kind
// for the step, each is a 4xx naming the field within 5 s, and the next valid step on the same
// case succeeds. The routes come from the OpenAPI document's `x-references`, so a route that
// starts naming an id without a case here fails the first test. At the end Temporal itself is
// asked: no workflow of this test has an activity still retrying.

const OUT_OF_RANGE = 2_147_483_648;
const NAMES_NOTHING = 2_147_483_000;

interface Bad {
  what: string;
  id: number;
  status: number;
}

describe('ids named by a step are checked before the step is sent', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient, supervisor: ApiClient;
  let otherCommunity: number;
  const covered = new Set<string>();

  beforeAll(async () => {
    stack = await startTestStack({ env: { SHEQU_DAY_SECONDS: '0.05' } });
    [caseworker, reviewer, approver, supervisor] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1', 'supervisor1'].map((u) => login(stack, u)),
    );
    otherCommunity = (
      await stack.db('org_units').where({ kind: 'community' }).whereNot({ id: 3 }).orderBy('id').first('id')
    ).id;
  });
  afterAll(() => stack.stop());

  /** Sends each bad id at `field` of `body(id)`; each is refused on that field within 5 s. */
  async function refusesEach(
    client: ApiClient,
    path: string,
    field: string,
    body: (id: number) => Record<string, unknown>,
    bad: Bad[],
  ) {
    covered.add(`POST ${path.replace(/^(\/api\/[^/]+\/)[^/]+\//, '$1{id}/')} ${field.replace(/\.\d+\./g, '.*.')}`);
    for (const b of bad) {
      const t0 = Date.now();
      const res = await client.call('POST', path, body(b.id));
      const ms = Date.now() - t0;
      expect(res.status, `${path} ${b.what}: ${JSON.stringify(res.body)}`).toBe(b.status);
      expect(res.body.errors, `${path} ${b.what}`).toHaveProperty([field]);
      expect(ms, `${path} ${b.what}`).toBeLessThan(5_000);
    }
  }
  const common = (): Bad[] => [
    { what: 'beyond PostgreSQL integers', id: OUT_OF_RANGE, status: 400 },
    { what: 'naming nothing', id: NAMES_NOTHING, status: 400 },
  ];

  it('a volunteer’s sign-up and hours: other-area and cancelled activities are refused, then she signs up and logs her hours', async () => {
    const v = await activeVolunteer(caseworker);
    const t = await team(caseworker);
    const [open, cancelled] = [
      await activity(caseworker, t.id),
      await activity(caseworker, t.id, { startsInMs: 5 * 3600_000 }),
    ];
    await stack.db('volunteer_activities').where({ id: cancelled.id }).update({ status: 'cancelled' });
    const elsewhere = await activity(supervisor, (await team(supervisor, { communityId: otherCommunity })).id);
    const path = `/api/volunteers/${v.id}/sign-ups`;
    await refusesEach(caseworker, path, 'activityId', (activityId) => ({ activityId }), [
      ...common(),
      { what: 'another community’s activity', id: elsewhere.id, status: 404 },
      { what: 'a cancelled activity', id: cancelled.id, status: 409 },
    ]);
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: open.id })).status).toBe(200);

    await refusesEach(
      caseworker,
      `/api/volunteers/${v.id}/hours`,
      'activityId',
      (activityId) => ({ activityId, minutes: 60 }),
      [...common(), { what: 'another community’s activity', id: elsewhere.id, status: 404 }],
    );
    await endActivity(stack, open.id);
    const logged = await act(caseworker, v.id, 'hours', { activityId: open.id, minutes: 60 });
    expect(logged.status, JSON.stringify(logged.body)).toBe(200);
  });

  it('a referral’s helper and proposed opening: other-area and inactive helpers, closed openings are refused, then the steps go through', async () => {
    const skills = ['数控车床'];
    const opening = await createOpening(caseworker, { requiredSkills: skills });
    const closed = await createOpening(caseworker, { requiredSkills: skills });
    await stack.db('job_openings').where({ id: closed.id }).update({ status: 'closed' });
    const [inactive] = await stack
      .db('helpers')
      .insert({ name: `离任帮扶人${Date.now()}`, community_id: 3, active: false })
      .returning('id');
    const elsewhere = await helperOf(stack, otherCommunity);
    const id = (await refer(caseworker, [seekerBody(3)])).referralIds[0];
    await waitReferral(caseworker, id, (r) => r.stage === 'intake', 'at intake');
    const assess = (helperId: number) => ({
      education: 'senior_high',
      skills,
      experience: '车工',
      helperId,
      notes: '',
    });
    await refusesEach(caseworker, `/api/referrals/${id}/assess`, 'helperId', assess, [
      ...common(),
      { what: 'another community’s helper', id: elsewhere, status: 404 },
      { what: 'a helper no longer active', id: inactive.id, status: 400 },
    ]);
    expect((await step(caseworker, id, 'assess', assess(await helperOf(stack)))).status).toBe(200);
    await waitReferral(
      caseworker,
      id,
      (r) => r.stage === 'matching' && r.matches.some((m: { openingId: number }) => m.openingId === opening.id),
      'ranked',
    );

    await refusesEach(caseworker, `/api/referrals/${id}/propose`, 'openingId', (openingId) => ({ openingId }), [
      ...common(),
      { what: 'a closed opening', id: closed.id, status: 409 },
    ]);
    const proposed = await step(caseworker, id, 'propose', { openingId: opening.id });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body.stage).toBe('proposed');
  });

  it('a dibao decision and an enrolled household’s change name only the household’s own members, then the case is decided and the change recorded', async () => {
    const other = await createCase(caseworker);
    const c = await createCase(caseworker);
    const d = await waitStage(caseworker, c.id, 'community_review');
    const withMember = (memberId: number) => {
      const f = findings(d);
      return {
        decision: 'approve',
        comment: '',
        findings: { ...f, members: [{ ...f.members[0], memberId }, ...f.members.slice(1)] },
      };
    };
    await refusesEach(caseworker, `/api/applications/${c.id}/decisions`, 'findings.members.0.memberId', withMember, [
      ...common(),
      { what: 'a member of another household', id: other.members[0].id, status: 400 },
    ]);
    expect((await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) })).status).toBe(
      200,
    );
    await waitStage(reviewer, c.id, 'street_review');
    expect((await decide(reviewer, c.id, { decision: 'approve', comment: '' })).status).toBe(200);
    const enrolled = await decide(approver, c.id, { decision: 'approve', comment: '' });
    expect(enrolled.body.stage, JSON.stringify(enrolled.body)).toBe('enrolled');
    const enrollmentId = enrolled.body.enrollmentId as number;

    const figures = (memberId: number) => [
      { memberId, monthlyIncomeFen: d.members[0].monthlyIncomeFen },
      ...d.members.slice(1).map((m: { id: number; monthlyIncomeFen: number }) => ({
        memberId: m.id,
        monthlyIncomeFen: m.monthlyIncomeFen,
      })),
    ];
    const bad = [...common(), { what: 'a member of another household', id: other.members[0].id, status: 400 }];
    await refusesEach(
      caseworker,
      `/api/enrollments/${enrollmentId}/changes`,
      'members.0.memberId',
      (id) => ({ changeKind: 'income', members: figures(id), outcome: 'keep', comment: '收入无变化' }),
      bad,
    );
    await refusesEach(
      caseworker,
      `/api/enrollments/${enrollmentId}/rechecks`,
      'members.0.memberId',
      (id) => ({ members: figures(id), outcome: 'keep' }),
      bad,
    );
    const change = await caseworker.call('POST', `/api/enrollments/${enrollmentId}/changes`, {
      changeKind: 'income',
      members: figures(d.members[0].id),
      outcome: 'keep',
      comment: '收入无变化',
    });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
  });

  it('a supervisor reassigns a case only to an active caseworker of its community, then to one', async () => {
    const c = await createCase(caseworker);
    await waitStage(caseworker, c.id, 'community_review');
    const { workflow_id: workflowId } = await stack
      .db('case_workflows')
      .where({ kind: 'benefit', case_id: String(c.id) })
      .first('workflow_id');
    const user = (username: string) =>
      stack
        .db('users')
        .where({ username })
        .first('id')
        .then((u: { id: number }) => u.id);
    const caseworkerOf = async (orgUnitId: number, active: boolean) =>
      (
        await stack
          .db('users')
          .insert({
            username: `cw-${orgUnitId}-${active}-${Date.now()}`,
            display_name: '测试专干',
            role: 'caseworker',
            org_unit_id: orgUnitId,
            password_hash: 'x',
            active,
          })
          .returning('id')
      )[0].id as number;
    await refusesEach(
      supervisor,
      `/api/workflows/${workflowId}/reassign`,
      'assigneeId',
      (assigneeId) => ({ assigneeId, reason: '调岗' }),
      [
        ...common(),
        { what: 'a reviewer, not a caseworker', id: await user('reviewer1'), status: 400 },
        { what: 'a caseworker of another community', id: await caseworkerOf(otherCommunity, true), status: 400 },
        { what: 'a caseworker no longer active', id: await caseworkerOf(3, false), status: 400 },
      ],
    );
    const moved = await supervisor.call('POST', `/api/workflows/${workflowId}/reassign`, {
      assigneeId: await user('caseworker2'),
      reason: '调岗',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.assigneeName).toBeTruthy();
  });

  it('covers every route the API document marks with x-references', async () => {
    const doc = (await supervisor.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-references'?: Record<string, string> }>>;
    };
    const declared = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods))
        for (const field of Object.keys(op['x-references'] ?? {}))
          declared.add(`${method.toUpperCase()} ${path} ${field}`);
    }
    expect(declared.size).toBeGreaterThanOrEqual(7);
    expect([...declared].sort()).toEqual([...covered].sort());
  });

  it('leaves no activity retrying in any workflow of this test (Temporal’s own account)', async () => {
    const retrying: string[] = [];
    let workflows = 0;
    for await (const w of stack.temporal.workflow.list({
      query: `TaskQueue = "${stack.env.SHEQU_TASK_QUEUE}" AND ExecutionStatus = "Running"`,
    })) {
      workflows++;
      const d = await stack.temporal.workflow.getHandle(w.workflowId).describe();
      for (const a of d.raw.pendingActivities ?? [])
        if ((a.attempt ?? 0) > 2) retrying.push(`${w.workflowId} ${a.activityType?.name} attempt ${a.attempt}`);
    }
    expect(workflows).toBeGreaterThan(0);
    expect(retrying).toEqual([]);
  });
});
