import { ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disbursementWorkflowId, periodAt } from '../../domain/disbursement.js';
import { ensureDisbursementSchedule } from '../../api/temporal/disbursements.js';
import { seedEnrollments } from '../support/enrollments.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// The monthly Schedule: created idempotently, on the 5th at 09:00 Shanghai time, paused and
// resumed with a note, and one run per period however often it fires or whoever starts it.

describe('monthly-disbursement schedule', () => {
  let stack: TestStack;
  let finance: ApiClient, caseworker: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({ env: { SHEQU_BANK_LATENCY_MS: '0', SHEQU_BANK_POLL_MS: '100' } });
    [finance, caseworker] = await Promise.all(['finance1', 'caseworker1'].map((u) => login(stack, u)));
    await seedEnrollments(stack.db, [{}, {}, {}]);
  });
  afterAll(async () => {
    await stack.temporal.schedule
      .getHandle(stack.env.SHEQU_DISBURSEMENT_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await stack.stop();
  });

  it('is created once and updated in place, firing on the 5th at 09:00 Asia/Shanghai', async () => {
    expect(await ensureDisbursementSchedule(stack.temporal, stack.env)).toBe('created');
    expect(await ensureDisbursementSchedule(stack.temporal, stack.env)).toBe('updated');
    const s = await finance.call('GET', '/api/disbursement-schedule');
    expect(s.status).toBe(200);
    expect(s.body.paused).toBe(false);
    for (const at of s.body.nextRunAt as string[]) {
      expect(at).toMatch(/-05T01:00:00\.000Z$/); // 09:00 in Shanghai is 01:00 UTC
    }
    expect((await caseworker.call('GET', '/api/disbursement-schedule')).status).toBe(403);
  });

  it('pauses and resumes with a note, audited', async () => {
    expect((await finance.call('POST', '/api/disbursement-schedule/pause', { note: '' })).status).toBe(400);
    const paused = await finance.call('POST', '/api/disbursement-schedule/pause', { note: '年底系统升级' });
    expect(paused.body).toMatchObject({ paused: true, note: expect.stringContaining('年底系统升级') });
    const resumed = await finance.call('POST', '/api/disbursement-schedule/resume', { note: '升级完成' });
    expect(resumed.body.paused).toBe(false);
    const audit = await stack.db('audit_events').where({ entity_type: 'schedule' }).orderBy('id').pluck('action');
    expect(audit).toEqual(['disbursement_schedule.pause', 'disbursement_schedule.resume']);
  });

  it('fired twice while a manual run of the month is under way, it still makes one run', async () => {
    const period = periodAt(new Date());
    const manual = await finance.call('POST', '/api/disbursement-runs', { period });
    expect(manual.status).toBe(201);
    const handle = stack.temporal.schedule.getHandle(stack.env.SHEQU_DISBURSEMENT_SCHEDULE_ID);
    // Two firings, overlap allowed for the test (the policy's SKIP would hide the race); a
    // second apart, because a Schedule names its workflows by the second.
    await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    await new Promise((r) => setTimeout(r, 1100));
    await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    const triggers = await waitFor('two firings', async () => {
      const d = await handle.describe();
      return d.info.recentActions.length >= 2 ? d.info.recentActions : undefined;
    });
    for (const t of triggers) {
      const result = await stack.temporal.workflow
        .getHandle(t.action.workflow.workflowId, t.action.workflow.firstExecutionRunId)
        .result();
      expect(result).toBe(`${disbursementWorkflowId(period, stack.env.SHEQU_WORKFLOW_ID_PREFIX)} exists already`);
    }
    expect(
      await stack
        .db('disbursement_runs')
        .where({ period })
        .count()
        .then((r) => Number(r[0].count)),
    ).toBe(1);
    const runs: string[] = [];
    for await (const wf of stack.temporal.workflow.list({
      query: `WorkflowId = '${disbursementWorkflowId(period, stack.env.SHEQU_WORKFLOW_ID_PREFIX)}'`,
    }))
      runs.push(wf.runId);
    expect(runs).toHaveLength(1);
  });
});
