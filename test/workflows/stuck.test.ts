import { fileURLToPath } from 'node:url';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedRegistry } from '../../activities/suitability/simulated.js';
import { ensureWatchSchedule } from '../../api/temporal/watch-schedule.js';
import { activityDeps } from '../../worker/activity-deps.js';
import { bundleWorkflows, createShequWorker } from '../../worker/create-worker.js';
import { createCase, detail } from '../support/benefit.js';
import { seedEnrollments } from '../support/enrollments.js';
import { refer } from '../support/referrals.js';
import { recordHistory } from '../support/histories.js';
import { register, volunteerBody, waitVolunteer } from '../support/volunteers.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// Supervisors' stuck list with a real server and worker. Each reason is induced for real: a
// dibao case past a 3-day deadline (1 s days), a suitability registry that is down (an injected
// fault: the activity retries), a workflow whose code throws (its own task queue, as after a bad
// deploy), a disbursement run left unsigned past its sign-off deadline, and a projection row
// edited behind its workflow's back (found by the reconciliation pass). Each action is tried by
// the supervisor (it works and is audited) and by a caseworker (403).

const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));

describe('stuck workflows', () => {
  let stack: TestStack;
  let supervisor: ApiClient, caseworker: ApiClient, approver: ApiClient;
  const registry = createSimulatedRegistry();
  let broken: { worker: Worker; run: Promise<void>; connection: NativeConnection } | undefined;

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_DEADLINE_DAYS:
          'verifying=1000,community_review=3,street_review=1000,district_approval=1000,returned=1000',
        SHEQU_SIGNOFF_DAYS: '2',
        SHEQU_PLACEMENT_DAYS: '3',
        SHEQU_SUITABILITY_ATTEMPTS: '20',
        SHEQU_BANK_FAILURE_RATE: '0',
        SHEQU_BANK_LATENCY_MS: '50',
        SHEQU_BANK_POLL_MS: '100',
      },
      suitability: registry,
    });
    [supervisor, caseworker, approver] = await Promise.all(
      ['supervisor1', 'caseworker1', 'approver1'].map((u) => login(stack, u)),
    );
  });
  afterAll(async () => {
    if (broken) {
      broken.worker.shutdown();
      await broken.run;
      await broken.connection.close();
    }
    await stack?.stop();
  });

  const list = (filter: object = {}) =>
    supervisor.call('GET', `/api/workflows?filter=${q(filter)}&range=${q([0, 99])}`);
  const row = async (id: string) => ((await list()).body as { id: string }[]).find((r) => r.id === id) as any;
  const waitListed = (id: string, reason: string, timeoutMs = 60_000) =>
    waitFor(
      `${id} listed as ${reason}`,
      async () => {
        const r = await row(id);
        return r?.reasons.includes(reason) ? r : undefined;
      },
      timeoutMs,
    );
  const waitGone = (id: string, reason: string) =>
    waitFor(`${id} no longer ${reason}`, async () => {
      const r = await row(id);
      return !r?.reasons.includes(reason);
    });
  const reconcile = async () => {
    const r = await stack.temporal.workflow.execute('watchWorkflows', {
      workflowId: `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}watch-manual-${Date.now()}`,
      taskQueue: stack.taskQueue,
      args: [],
    });
    return r as { drift: number };
  };
  const audited = (action: string, id: string) =>
    stack
      .db('audit_events')
      .where({ action: `workflow.${action}`, entity_type: 'workflow', entity_id: id })
      .first();

  let overdueCase: { id: number; workflowId: string };

  it('an overdue dibao case is listed with its stage, deadline, street and assignee; a caseworker may neither list nor act', async () => {
    const created = await createCase(caseworker);
    overdueCase = {
      id: created.id,
      workflowId: (await stack.db('applications').where({ id: created.id }).first('workflow_id')).workflow_id,
    };
    const r = await waitListed(overdueCase.workflowId, 'overdue', 30_000);
    expect(r).toMatchObject({
      kind: 'benefit',
      caseId: String(created.id),
      caseLink: `/applications/${created.id}/show`,
      stage: 'community_review',
      reason: 'overdue',
      streetName: '城东街道',
      communityName: '东风社区',
      assigneeName: '王芳（社区专干）',
      status: 'running',
    });
    expect(r.deadlineAt).not.toBeNull();
    expect(r.temporalUrl).toContain(`/workflows/${encodeURIComponent(overdueCase.workflowId)}`);
    expect(r.allowedActions).toEqual(['reassign', 'remind', 'extend', 'terminate']);
    expect((await list({ reason: 'overdue', kind: 'benefit' })).body.map((x: { id: string }) => x.id)).toContain(
      overdueCase.workflowId,
    );
    expect((await list({ reason: 'drift' })).body.map((x: { id: string }) => x.id)).not.toContain(
      overdueCase.workflowId,
    );
    expect((await list({ kind: 'referral' })).body.map((x: { id: string }) => x.id)).not.toContain(
      overdueCase.workflowId,
    );
    expect((await list({ minAgeDays: 365 })).body.map((x: { id: string }) => x.id)).not.toContain(
      overdueCase.workflowId,
    );
    expect((await list({ reason: 'nonsense' })).status).toBe(400);

    expect((await caseworker.call('GET', '/api/workflows')).status).toBe(403);
    expect((await approver.call('GET', '/api/workflows')).status).toBe(200);
    const id = encodeURIComponent(overdueCase.workflowId);
    for (const [action, body] of [
      ['reassign', { assigneeId: 1, reason: 'x' }],
      ['extend', { deadlineAt: new Date(Date.now() + 86400_000).toISOString(), reason: 'x' }],
      ['remind', { reason: 'x' }],
      ['retry', { reason: 'x' }],
      ['terminate', { reason: 'x' }],
    ] as const) {
      expect((await caseworker.call('POST', `/api/workflows/${id}/${action}`, body)).status, action).toBe(403);
      expect((await approver.call('POST', `/api/workflows/${id}/${action}`, body)).status, action).toBe(403);
    }
    expect(await stack.db('audit_events').where('action', 'like', 'workflow.%').count()).toEqual([{ count: '0' }]);
  });

  it('reassign, remind and extend work through the case workflow, each audited with its reason', async () => {
    const id = encodeURIComponent(overdueCase.workflowId);
    const candidates = await supervisor.call('GET', `/api/workflows/${id}/assignees`);
    const cw2 = candidates.body.find((c: { username: string }) => c.username === 'caseworker2');
    expect(cw2).toBeDefined();

    expect(
      (await supervisor.call('POST', `/api/workflows/${id}/reassign`, { assigneeId: cw2.id })).body.errors,
    ).toHaveProperty('reason');
    const outsider = await stack.db('users').where({ username: 'reviewer1' }).first('id');
    expect(
      (await supervisor.call('POST', `/api/workflows/${id}/reassign`, { assigneeId: outsider.id, reason: '调整' }))
        .status,
    ).toBe(400);
    const reassigned = await supervisor.call('POST', `/api/workflows/${id}/reassign`, {
      assigneeId: cw2.id,
      reason: '王芳休假，改由赵敏经办',
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body).toMatchObject({ assigneeName: '赵敏（社区专干）', reasons: ['overdue'] });
    expect((await stack.db('applications').where({ id: overdueCase.id }).first('assignee_id')).assignee_id).toBe(
      cw2.id,
    );
    expect(await audited('reassign', overdueCase.workflowId)).toMatchObject({
      after: expect.objectContaining({ reason: '王芳休假，改由赵敏经办', to: cw2.id }),
    });
    expect((await detail(caseworker, overdueCase.id)).decisions.at(-1)).toMatchObject({
      decision: 'reassign',
      comment: '王芳休假，改由赵敏经办',
    });
    expect(reassigned.body.interventions[0]).toMatchObject({
      action: 'reassign',
      reason: '王芳休假，改由赵敏经办',
      actorName: '刘洋（督导）',
    });

    const reminded = await supervisor.call('POST', `/api/workflows/${id}/remind`, { reason: '请本周内完成入户调查' });
    expect(reminded.status).toBe(200);
    const notes = await caseworker.call('GET', `/api/notifications?filter=${q({ kind: 'reminder' })}`);
    expect(notes.body.map((n: { message: string }) => n.message).join()).toContain('请本周内完成入户调查');
    expect(await audited('remind', overdueCase.workflowId)).toBeDefined();

    expect(
      (
        await supervisor.call('POST', `/api/workflows/${id}/extend`, {
          deadlineAt: '2020-01-01T00:00:00Z',
          reason: '补材料',
        })
      ).body.errors,
    ).toHaveProperty('deadlineAt');
    const until = new Date(Date.now() + 3600_000).toISOString();
    const extended = await supervisor.call('POST', `/api/workflows/${id}/extend`, {
      deadlineAt: until,
      reason: '等待残联补开证明',
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ reasons: [], deadlineAt: until });
    expect(await stack.db('applications').where({ id: overdueCase.id }).first('overdue', 'deadline_at')).toEqual({
      overdue: false,
      deadline_at: new Date(until),
    });
    expect(await audited('extend', overdueCase.workflowId)).toMatchObject({
      after: expect.objectContaining({ reason: '等待残联补开证明', to: until }),
    });
    await waitGone(overdueCase.workflowId, 'overdue');
    // The workflow holds the new deadline: it is not flagged again before it.
    await new Promise((r) => setTimeout(r, 4000));
    expect((await detail(caseworker, overdueCase.id)).overdue).toBe(false);
    await recordHistory(stack, overdueCase.workflowId, 'benefit-overdue-reassigned-extended');
  });

  it('an overdue referral is extended and reassigned through its own workflow', async () => {
    const batch = await refer(caseworker);
    const referralId = batch.referralIds[0];
    const wf = (await stack.db('referrals').where({ id: referralId }).first('workflow_id')).workflow_id;
    const r = await waitListed(wf, 'overdue', 30_000);
    expect(r).toMatchObject({
      kind: 'referral',
      caseLink: `/referrals/${referralId}/show`,
      stage: 'intake',
      allowedActions: ['reassign', 'remind', 'extend', 'terminate'],
    });
    const until = new Date(Date.now() + 7200_000).toISOString();
    const extended = await supervisor.call('POST', `/api/workflows/${encodeURIComponent(wf)}/extend`, {
      deadlineAt: until,
      reason: '企业延期发放安置名单',
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ reasons: [], deadlineAt: until });
    const cw2 = (await supervisor.call('GET', `/api/workflows/${encodeURIComponent(wf)}/assignees`)).body.find(
      (c: { username: string }) => c.username === 'caseworker2',
    );
    expect(
      (
        await supervisor.call('POST', `/api/workflows/${encodeURIComponent(wf)}/reassign`, {
          assigneeId: cw2.id,
          reason: '分片调整',
        })
      ).status,
    ).toBe(200);
    expect(
      await stack.db('referrals').where({ id: referralId }).first('assignee_id', 'overdue', 'deadline_at'),
    ).toEqual({ assignee_id: cw2.id, overdue: false, deadline_at: new Date(until) });
    const events = await stack
      .db('referral_events')
      .where({ referral_id: referralId })
      .orderBy('seq')
      .pluck('decision');
    expect(events.slice(-2)).toEqual(['extend_deadline', 'reassign']);
    expect(
      (
        await supervisor.call('POST', `/api/workflows/${encodeURIComponent(wf)}/reassign`, {
          assigneeId: cw2.id,
          reason: '再次',
        })
      ).status,
    ).toBe(409);
    await recordHistory(stack, wf, 'referral-overdue-extended-reassigned');
  });

  it(
    'a failing activity shows from its 3rd attempt with the error; retry now runs it at once once the registry is back',
    { timeout: 150_000 },
    async () => {
      registry.down();
      const v = await register(caseworker, volunteerBody({ servesVulnerable: true }));
      const r = await waitListed(v.workflowId, 'failing_activity', 30_000);
      expect(r).toMatchObject({
        kind: 'volunteer',
        stage: 'screening',
        activityType: 'checkSuitability',
        status: 'running',
      });
      expect(r.attempts).toBeGreaterThanOrEqual(3);
      expect(r.lastError).toMatch(/registry|unavailable|down/i);
      expect(r.allowedActions).toContain('retry');
      // Wait for a long backoff (attempt 5 waits 16 s), then clear the fault and retry now.
      await waitFor('attempt 5', async () => ((await row(v.workflowId))?.attempts >= 5 ? true : undefined), 40_000);
      registry.up();
      const retried = await supervisor.call('POST', `/api/workflows/${encodeURIComponent(v.workflowId)}/retry`, {
        reason: '公安系统已恢复',
      });
      expect(retried.status).toBe(200);
      await waitVolunteer(caseworker, v.id, (x) => x.stage === 'approval', 'at approval', 30_000);
      // The attempt that succeeded is the first after the reset, not the 6th of the old backoff.
      const history = await stack.temporal.workflow.getHandle(v.workflowId).fetchHistory();
      const started = history
        .events!.filter((e) => e.activityTaskStartedEventAttributes)
        .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 0);
      expect(Math.max(...started)).toBeLessThan(3);
      expect(await audited('retry', v.workflowId)).toMatchObject({
        after: expect.objectContaining({ reason: '公安系统已恢复' }),
      });
      await waitGone(v.workflowId, 'failing_activity');
      expect(
        await stack
          .db('workflow_alerts')
          .where({ workflow_id: v.workflowId, reason: 'failing_activity' })
          .first('resolution'),
      ).toEqual({ resolution: 'succeeded' });
    },
  );

  it('a workflow whose code keeps failing is listed from its task failures; terminate ends it and the list clears', async () => {
    const bundle = await bundleWorkflows(fileURLToPath(new URL('../support/broken/workflows.ts', import.meta.url)));
    const connection = await NativeConnection.connect({ address: stack.env.TEMPORAL_ADDRESS! });
    const brokenQueue = `${stack.taskQueue}-broken`;
    const worker = await createShequWorker({
      connection,
      namespace: stack.env.TEMPORAL_NAMESPACE,
      taskQueue: brokenQueue,
      deps: activityDeps(stack.db, stack.env),
      workflowBundle: { code: bundle.code },
      idPrefix: stack.env.SHEQU_WORKFLOW_ID_PREFIX,
    });
    broken = { worker, connection, run: worker.run() };
    const workflowId = `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}release-check-1`;
    await stack.temporal.workflow.start('brokenCase', { workflowId, taskQueue: brokenQueue, args: [] });

    const r = await waitListed(workflowId, 'failing_workflow_task', 30_000);
    expect(r).toMatchObject({ kind: null, reason: 'failing_workflow_task', status: 'running' });
    expect(r.lastError).toContain('deliberately broken');
    await waitFor('task attempt > 1', async () => ((await row(workflowId))?.attempts > 1 ? true : undefined), 30_000);
    const bell = await supervisor.call('GET', `/api/notifications?filter=${q({ kind: 'failing_workflow_task' })}`);
    expect(bell.body.some((n: { entityId: string }) => n.entityId === workflowId)).toBe(true);

    expect(
      (await supervisor.call('POST', `/api/workflows/${encodeURIComponent(workflowId)}/terminate`, {})).status,
    ).toBe(400);
    const ended = await supervisor.call('POST', `/api/workflows/${encodeURIComponent(workflowId)}/terminate`, {
      reason: '错误版本，已回滚后重新发起',
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ status: 'terminated', allowedActions: [] });
    expect((await stack.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('TERMINATED');
    expect(await row(workflowId)).toBeUndefined();
    expect(await audited('terminate', workflowId)).toMatchObject({
      after: expect.objectContaining({ reason: '错误版本，已回滚后重新发起' }),
    });
    expect(
      (await supervisor.call('POST', `/api/workflows/${encodeURIComponent(workflowId)}/remind`, { reason: 'x' }))
        .status,
    ).toBe(409);
  });

  it('a disbursement run unsigned past its deadline waits on sign-off; signing off clears it', async () => {
    await seedEnrollments(stack.db, [{ communityId: 3 }, { communityId: 4 }]);
    const started = await supervisor.call('POST', '/api/disbursement-runs', { period: '2027-03' });
    expect(started.status).toBe(201);
    const workflowId = `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-03`;
    const r = await waitListed(workflowId, 'waiting_signoff', 40_000);
    expect(r).toMatchObject({
      kind: 'disbursement',
      stage: 'awaiting_signoff',
      caseLink: `/disbursement-runs/${started.body.id}/show`,
    });
    expect(r.detail).toContain('sign-off overdue');
    expect(r.allowedActions).toEqual(['remind']);
    expect(
      (await supervisor.call('POST', `/api/workflows/${encodeURIComponent(workflowId)}/terminate`, { reason: 'x' }))
        .status,
    ).toBe(409);
    const finance = await login(stack, 'finance1');
    expect((await finance.call('POST', `/api/disbursement-runs/${started.body.id}/approve`, {})).status).toBe(200);
    await waitGone(workflowId, 'waiting_signoff');
  });

  it('the reconciliation pass reports drift between the projection and the workflow, and clears it once they agree; it never rewrites the row', async () => {
    const created = await createCase(caseworker);
    const wf = (await stack.db('applications').where({ id: created.id }).first('workflow_id')).workflow_id;
    await waitFor('community review', async () =>
      (await detail(caseworker, created.id)).stage === 'community_review' ? true : undefined,
    );
    // Someone edits the projection by hand, as if the case had been approved.
    await stack
      .db('applications')
      .where({ id: created.id })
      .update({ stage: 'street_review', stage_since: new Date(Date.now() - 3600_000) });
    const pass = await reconcile();
    expect(pass).toMatchObject({ drift: 1 });
    const r = await waitListed(wf, 'drift', 5000);
    expect(r.detail).toContain('street_review');
    expect(r.detail).toContain('community_review');
    expect((await stack.db('applications').where({ id: created.id }).first('stage')).stage).toBe('street_review');
    const bell = await supervisor.call('GET', `/api/notifications?filter=${q({ kind: 'drift', unread: true })}`);
    expect(bell.body.some((n: { entityId: string }) => n.entityId === wf)).toBe(true);

    // Put right by hand again; the scheduled pass (not a manual one) finds them agreeing.
    await stack.db('applications').where({ id: created.id }).update({ stage: 'community_review' });
    await ensureWatchSchedule(stack.temporal, stack.env);
    await stack.temporal.schedule.getHandle(stack.env.SHEQU_WATCH_SCHEDULE_ID).trigger();
    await waitGone(wf, 'drift');
    expect(await stack.db('workflow_alerts').where({ workflow_id: wf, reason: 'drift' }).first('resolution')).toEqual({
      resolution: 'consistent again',
    });
  });

  it('the dashboard counts in SQL what the list shows; the bell marks all read', async () => {
    const d = await supervisor.call('GET', '/api/dashboard');
    expect(d.status).toBe(200);
    expect(d.body.sla).toHaveLength(12);
    expect(d.body.disbursements).toHaveLength(12);
    expect(
      d.body.openByStage.some(
        (s: { kind: string; stage: string }) => s.kind === 'benefit' && s.stage === 'community_review',
      ),
    ).toBe(true);
    const stuckCount = Number((await list()).headers.get('content-range')!.split('/')[1]);
    expect(d.body.stuckByReason.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBeGreaterThanOrEqual(
      stuckCount,
    );
    const mine = await caseworker.call('GET', '/api/dashboard');
    expect(mine.body.disbursements).toEqual([]);
    const all = await supervisor.call('POST', '/api/notifications/read-all', {});
    expect(all.body.updated).toBeGreaterThan(0);
    expect(
      (await supervisor.call('GET', `/api/notifications?filter=${q({ unread: true })}`)).headers.get('content-range'),
    ).toMatch(/\/0$/);
  });
});
