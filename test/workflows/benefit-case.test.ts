import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawUpdate } from '../../workflows/benefit-case-messages.js';
import { applicationBody } from '../support/fixtures.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// The first slice of the benefit case, end to end: API → Temporal (real dev server) → worker →
// activities → PostgreSQL projection, and back through a Workflow Update.

describe('benefit case workflow: start, withdraw, refusals', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack();
    caseworker = await login(stack, 'caseworker1');
  });
  afterAll(() => stack.stop());

  const stageOf = async (id: number) => (await caseworker.call('GET', `/api/applications/${id}`)).body.stage as string;

  it('POST /api/applications starts benefit-<id>, whose first activity records the application', async () => {
    const res = await caseworker.call('POST', '/api/applications', applicationBody(3), { 'Idempotency-Key': 'app-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stage: 'submitted',
      workflowId: `benefit-${res.body.id}`,
      memberCount: 2,
      communityName: '东风社区',
      streetName: '城东街道',
    });
    expect(res.body.members[0].idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    await waitFor('stage community_review', async () => (await stageOf(res.body.id)) === 'community_review');
    const handle = stack.temporal.workflow.getHandle(`benefit-${res.body.id}`);
    const desc = await handle.describe();
    expect(desc.status.name).toBe('RUNNING');
    expect(desc.taskQueue).toBe(stack.taskQueue);

    const list = await caseworker.call(
      'GET',
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ stage: 'community_review', myQueue: true }))}`,
    );
    expect(list.body.map((a: { id: number }) => a.id)).toContain(res.body.id);

    // Visible to `temporal workflow list` through the search attributes.
    const found = await waitFor('visibility', async () => {
      const ids: string[] = [];
      for await (const wf of stack.temporal.workflow.list({
        query: `ShequKind = 'benefit' AND ShequCaseId = '${res.body.id}' AND ShequStage = 'community_review'`,
      }))
        ids.push(wf.workflowId);
      return ids.length ? ids : undefined;
    });
    expect(found).toEqual([`benefit-${res.body.id}`]);

    const audit = await stack
      .db('audit_events')
      .where({ entity_type: 'application', entity_id: String(res.body.id) })
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual([
      'application.submit',
      'application.received',
      'application.checked',
      'application.verified',
    ]);
  });

  it('a retried POST with the same Idempotency-Key starts no second case', async () => {
    const body = applicationBody(3);
    const a = await caseworker.call('POST', '/api/applications', body, { 'Idempotency-Key': 'app-2' });
    const b = await caseworker.call('POST', '/api/applications', body, { 'Idempotency-Key': 'app-2' });
    expect(b.body.id).toBe(a.body.id);
    const [{ count }] = await stack.db('applications').where({ household_id: a.body.householdId }).count();
    expect(Number(count)).toBe(1);
  });

  it('withdraw is a Workflow Update: two at once give one transition and one 409', async () => {
    const created = await caseworker.call('POST', '/api/applications', applicationBody(3));
    await waitFor('community_review', async () => (await stageOf(created.body.id)) === 'community_review');
    const [r1, r2] = await Promise.all([
      caseworker.call('POST', `/api/applications/${created.body.id}/withdraw`, { reason: '已迁出本区' }),
      caseworker.call('POST', `/api/applications/${created.body.id}/withdraw`, { reason: '已迁出本区' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect([r1, r2].find((r) => r.status === 200)!.body.stage).toBe('withdrawn');
    const transitions = await stack
      .db('audit_events')
      .where({ entity_type: 'application', entity_id: String(created.body.id), action: 'application.withdraw' })
      .count();
    expect(Number(transitions[0].count)).toBe(1);
    const handle = stack.temporal.workflow.getHandle(`benefit-${created.body.id}`);
    expect(await handle.result()).toMatchObject({ stage: 'withdrawn' });
  });

  it('the update validator refuses the wrong role before anything happens', async () => {
    const created = await caseworker.call('POST', '/api/applications', applicationBody(3));
    await waitFor('community_review', async () => (await stageOf(created.body.id)) === 'community_review');
    const handle = stack.temporal.workflow.getHandle(`benefit-${created.body.id}`);
    const err = await handle
      .executeUpdate(withdrawUpdate, {
        args: [{ actor: { id: 4, username: 'finance1', role: 'finance', orgPath: '/1/' }, reason: 'x' }],
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err.cause as { type?: string }).type).toBe('ForbiddenError');
    expect(await stageOf(created.body.id)).toBe('community_review');
  });

  it('refuses bad applications per field and records nothing', async () => {
    const before = await stack.db('households').count();
    const res = await caseworker.call('POST', '/api/applications', {
      ...applicationBody(3),
      members: [{ name: '', idNumber: '110105194912310021', relation: 'spouse', monthlyIncomeFen: 12.5 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toMatchObject({
      'members.0.name': expect.any(String),
      'members.0.idNumber': expect.stringContaining('校验位'),
      'members.0.monthlyIncomeFen': expect.any(String),
    });
    const headless = await caseworker.call('POST', '/api/applications', {
      ...applicationBody(3),
      members: applicationBody(3).members.map((m) => ({ ...m, relation: 'child' })),
    });
    expect(headless.status).toBe(400);
    expect(headless.body.errors.members).toContain('户主');
    expect(await stack.db('households').count()).toEqual(before);
  });

  it('a caseworker cannot file for, or see, another community', async () => {
    const other = await caseworker.call('POST', '/api/applications', applicationBody(4));
    expect(other.status).toBe(403);
    const supervisor = await login(stack, 'supervisor1');
    const elsewhere = await supervisor.call('POST', '/api/applications', applicationBody(20));
    expect(elsewhere.status).toBe(201);
    expect((await caseworker.call('GET', `/api/applications/${elsewhere.body.id}`)).status).toBe(404);
    const list = await caseworker.call('GET', '/api/applications?range=[0,999]');
    expect(list.body.map((a: { id: number }) => a.id)).not.toContain(elsewhere.body.id);
    const reviewer = await login(stack, 'reviewer1');
    expect((await reviewer.call('POST', '/api/applications', applicationBody(3))).status).toBe(403);
  });
});
