import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstOfNextMonth } from '../../domain/shanghai-date.js';
import { stateQuery } from '../../workflows/benefit-case-messages.js';
import { createCase, decide, findings, waitStage } from '../support/benefit.js';
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// After enrollment: re-checks on a durable timer, changes, suspend / resume / terminate, an
// overdue re-check notifying supervisors, and continue-as-new keeping all of it. A policy day is
// 0.2 s, a re-check comes due after 10 of them (2 s), and a case continues as new after 40
// history events, so every case here crosses at least one run boundary.

describe('benefit case: enrolled households', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient, supervisor: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '0.2',
        SHEQU_RECHECK_DAYS: 'A=10,B=10,C=10',
        SHEQU_DEADLINE_DAYS: 'recheck_due=5,community_review=1000,street_review=1000,district_approval=1000',
        SHEQU_HISTORY_LIMIT: '40',
      },
    });
    [caseworker, reviewer, approver, supervisor] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1', 'supervisor1'].map((u) => login(stack, u)),
    );
  });
  afterAll(() => stack.stop());

  async function enrolled() {
    const c = await createCase(caseworker);
    const d = await waitStage(caseworker, c.id, 'community_review');
    expect((await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) })).status).toBe(
      200,
    );
    await waitStage(reviewer, c.id, 'street_review');
    expect((await decide(reviewer, c.id, { decision: 'approve', comment: '' })).status).toBe(200);
    const done = await decide(approver, c.id, { decision: 'approve', comment: '' });
    expect(done.body.stage).toBe('enrolled');
    return {
      applicationId: c.id,
      enrollmentId: done.body.enrollmentId as number,
      members: d.members as { id: number; monthlyIncomeFen: number }[],
    };
  }
  const enrollment = (client: ApiClient, id: number) =>
    client.call('GET', `/api/enrollments/${id}`).then((r) => r.body);

  it('a re-check comes due on its timer; "keep" is refused when the amount changes; "adjust" applies from next month', async () => {
    const e = await enrolled();
    const due = await waitFor('recheck_due', async () => {
      const r = await enrollment(caseworker, e.enrollmentId);
      return r.stage === 'recheck_due' && r;
    });
    expect(due).toMatchObject({ recheckDue: true, amountFen: 128000 });
    expect(due.allowedActions).toEqual(expect.arrayContaining(['recheck', 'change']));

    // The head now earns 600.00: (890 − 600/2)… = 1780.00 − 600.00 = 1180.00.
    const figures = [
      { memberId: e.members[0].id, monthlyIncomeFen: 60000 },
      { memberId: e.members[1].id, monthlyIncomeFen: 0 },
    ];
    const keep = await caseworker.call('POST', `/api/enrollments/${e.enrollmentId}/rechecks`, {
      members: figures,
      outcome: 'keep',
      comment: '',
    });
    expect(keep.status).toBe(400);
    expect(keep.body.errors).toHaveProperty('outcome');
    const terminateByCaseworker = await caseworker.call('POST', `/api/enrollments/${e.enrollmentId}/rechecks`, {
      members: figures,
      outcome: 'terminate',
      comment: '',
    });
    expect(terminateByCaseworker.status).toBe(403);

    const adjusted = await caseworker.call('POST', `/api/enrollments/${e.enrollmentId}/rechecks`, {
      members: figures,
      outcome: 'adjust',
      comment: '户主再就业',
    });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body).toMatchObject({ stage: 'enrolled', amountFen: 118000, recheckDue: false, status: 'active' });
    expect(adjusted.body.terms[0]).toMatchObject({
      effectiveFrom: firstOfNextMonth(new Date()),
      amountFen: 118000,
      totalIncomeFen: 60000,
    });
    expect(Date.parse(adjusted.body.nextRecheckAt)).toBeGreaterThan(Date.parse(due.nextRecheckAt));
    const last = adjusted.body.decisions.at(-1);
    expect(last).toMatchObject({
      decision: 'recheck',
      fromStage: 'recheck_due',
      toStage: 'enrolled',
      details: { outcome: 'adjust', amountFen: 118000, previousAmountFen: 128000 },
    });
    await recordHistory(stack, `benefit-${e.applicationId}`, 'recheck-adjusted');
  });

  it('an overdue re-check is flagged in the DB and the search attributes, and supervisors are notified', async () => {
    const e = await enrolled();
    await waitFor('overdue', async () => (await enrollment(caseworker, e.enrollmentId)).overdue === true, 30_000);
    const note = await stack
      .db('notifications')
      .where({ entity_type: 'application', entity_id: String(e.applicationId), kind: 'overdue' });
    expect(note).toHaveLength(1);
    expect(note[0].audience_role).toBe('supervisor');
    await waitFor('overdue search attribute', async () => {
      for await (const wf of stack.temporal.workflow.list({
        query: `ShequCaseId = '${e.applicationId}' AND ShequOverdue = 'true' AND ShequStage = 'recheck_due'`,
      }))
        return wf;
      return undefined;
    });
    const queue = await supervisor.call(
      'GET',
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ myQueue: true }))}&range=[0,999]`,
    );
    expect(queue.body.map((a: { id: number }) => a.id)).toContain(e.applicationId);
    const inbox = await supervisor.call(
      'GET',
      `/api/notifications?filter=${encodeURIComponent(JSON.stringify({ unread: true, kind: 'overdue' }))}&range=[0,999]`,
    );
    const mine = inbox.body.find((n: { entityId: string }) => n.entityId === String(e.applicationId));
    expect(mine.message).toContain('recheck_due');
    expect((await supervisor.call('POST', `/api/notifications/${mine.id}/read`)).body.readAt).not.toBeNull();
    expect((await caseworker.call('GET', '/api/notifications')).body).toEqual([]); // addressed to supervisors
    await recordHistory(stack, `benefit-${e.applicationId}`, 'recheck-overdue');
  });

  it('a reported change (a member moved away) is recomputed; suspend, resume and terminate need the district role and a reason', async () => {
    const e = await enrolled();
    const change = await caseworker.call('POST', `/api/enrollments/${e.enrollmentId}/changes`, {
      changeKind: 'moved_away',
      members: [{ memberId: e.members[1].id, monthlyIncomeFen: 0, left: true }],
      outcome: 'adjust',
      comment: '配偶户口迁出',
    });
    expect(change.status).toBe(200);
    // One person left earning 500.00: 890.00 − 500.00 = 390.00.
    expect(change.body).toMatchObject({ members: 1, amountFen: 39000 });

    expect(
      (await caseworker.call('POST', `/api/enrollments/${e.enrollmentId}/suspend`, { reason: '外出务工' })).status,
    ).toBe(403);
    expect((await approver.call('POST', `/api/enrollments/${e.enrollmentId}/suspend`, { reason: '' })).status).toBe(
      400,
    );
    const suspended = await approver.call('POST', `/api/enrollments/${e.enrollmentId}/suspend`, {
      reason: '外出务工，待核实',
    });
    expect(suspended.body).toMatchObject({ stage: 'suspended', status: 'suspended', nextRecheckAt: null });
    const resumed = await approver.call('POST', `/api/enrollments/${e.enrollmentId}/resume`, {
      reason: '已返回，核实无收入',
    });
    expect(resumed.body).toMatchObject({ stage: 'enrolled', status: 'active' });

    const terminated = await approver.call('POST', `/api/enrollments/${e.enrollmentId}/terminate`, {
      reason: '家庭收入已超过标准',
    });
    expect(terminated.body).toMatchObject({ stage: 'terminated', status: 'terminated' });
    const next = firstOfNextMonth(new Date());
    expect(terminated.body.effectiveTo < next).toBe(true);
    expect(terminated.body.terms[0]).toMatchObject({ effectiveFrom: next, status: 'terminated' });
    expect(await stack.temporal.workflow.getHandle(`benefit-${e.applicationId}`).result()).toMatchObject({
      stage: 'terminated',
    });
    expect((await approver.call('POST', `/api/enrollments/${e.enrollmentId}/resume`, { reason: 'x' })).status).toBe(
      409,
    );
    await recordHistory(stack, `benefit-${e.applicationId}`, 'changed-suspended-resumed-terminated');
  });

  it('continue-as-new keeps the state and the pending deadline', async () => {
    const e = await enrolled();
    const handle = stack.temporal.workflow.getHandle(`benefit-${e.applicationId}`);
    // Wait until the case runs in a later run than its first.
    const first = await stack.temporal.workflow.getHandle(`benefit-${e.applicationId}`).describe();
    const fresh = await waitFor('a continued run', async () => {
      const d = await handle.describe();
      for (const ev of (await stack.temporal.workflow.getHandle(`benefit-${e.applicationId}`, d.runId).fetchHistory())
        .events ?? []) {
        if (ev.workflowExecutionStartedEventAttributes?.continuedExecutionRunId) return d;
      }
      return undefined;
    });
    expect(fresh.runId).toBeDefined();
    expect(first.workflowId).toBe(fresh.workflowId);
    const state = await handle.query(stateQuery);
    const row = await stack.db('enrollments').where({ application_id: e.applicationId }).first();
    expect(state.enrollment).toMatchObject({ id: e.enrollmentId, amountFen: Number(row.amount_fen) });
    const decisions = await stack.db('decisions').where({ application_id: e.applicationId }).max('seq as max');
    expect(state.seq).toBe(Number(decisions[0].max));
    // The re-check timer still fires in the new run.
    await waitFor(
      'recheck after continue-as-new',
      async () => (await enrollment(caseworker, e.enrollmentId)).stage === 'recheck_due',
    );
    await recordHistory(stack, `benefit-${e.applicationId}`, 'continued-as-new');
  });
});
