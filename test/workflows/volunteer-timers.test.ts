import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import {
  act,
  activeVolunteer,
  activity,
  endActivity,
  team,
  volunteerOf,
  waitVolunteer,
} from '../support/volunteers.js';

// A volunteer's years compressed: a policy day is one second, the inactivity reminder comes
// after 4 days without hours, the re-confirmation after 12. A short history limit makes her
// workflow continue as new on the way.

describe('volunteer workflow: reminder, re-confirmation, deactivation, continue-as-new', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_VOLUNTEER_REMINDER_DAYS: '4',
        SHEQU_RECONFIRM_DAYS: '12',
        SHEQU_HISTORY_LIMIT: '30',
      },
    });
    caseworker = await login(stack, 'caseworker1');
  });
  afterAll(() => stack.stop());

  it('no hours for the reminder days: one reminder; hours logged re-arm it; the yearly re-confirmation blocks sign-ups until done', async () => {
    const v = await activeVolunteer(caseworker);
    const reminded = await waitVolunteer(caseworker, v.id, (x) => x.reminderDue, 'reminder', 30_000);
    expect(reminded.stage).toBe('active');
    expect(
      await stack
        .db('notifications')
        .where({ kind: 'volunteer_reminder', entity_id: String(v.id) })
        .count(),
    ).toEqual([{ count: '1' }]);

    const t = await team(caseworker);
    const a = await activity(caseworker, t.id);
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: a.id })).status).toBe(200);
    await endActivity(stack, a.id);
    const logged = await act(caseworker, v.id, 'hours', { activityId: a.id, minutes: 90 });
    expect(logged.body.reminderDue).toBe(false);
    await waitVolunteer(caseworker, v.id, (x) => x.reminderDue, 'a second reminder, counted from the hours', 30_000);
    expect(
      await stack
        .db('notifications')
        .where({ kind: 'volunteer_reminder', entity_id: String(v.id) })
        .count(),
    ).toEqual([{ count: '2' }]);

    const due = await waitVolunteer(
      caseworker,
      v.id,
      (x) => x.stage === 'reconfirm_due',
      're-confirmation due',
      30_000,
    );
    expect(due.allowedActions).toEqual(['confirm_hours', 'reconfirm', 'log_hours', 'deactivate']);
    const later = await activity(caseworker, t.id, { startsInMs: 50 * 3600_000 });
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: later.id })).status).toBe(409);
    const again = await act(caseworker, v.id, 'reconfirm', { comment: '电话确认继续参加' });
    expect(again.body.stage).toBe('active');
    expect(Date.parse(again.body.reconfirmDueAt)).toBeGreaterThan(Date.now() + 5_000);
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: later.id })).status).toBe(200);

    // The history grew past the limit on the way: the workflow continued as new with its state.
    const run = await stack.temporal.workflow.getHandle(`volunteer-${v.id}`).fetchHistory();
    expect(run.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
    expect((await volunteerOf(caseworker, v.id)).confirmedHours).toBe(0);
    await recordHistory(stack, `volunteer-${v.id}`, 'volunteer-reminded-reconfirmed');
  });

  it('deactivation and reactivation need a reason; an inactive volunteer cannot sign up', async () => {
    const v = await activeVolunteer(caseworker);
    expect((await act(caseworker, v.id, 'deactivate', { reason: '' })).status).toBe(400);
    const off = await act(caseworker, v.id, 'deactivate', { reason: '外出务工一年' });
    expect(off.body).toMatchObject({ stage: 'inactive', allowedActions: ['confirm_hours', 'reactivate'] });
    const t = await team(caseworker);
    const a = await activity(caseworker, t.id);
    expect((await act(caseworker, v.id, 'sign-ups', { activityId: a.id })).status).toBe(409);
    const on = await act(caseworker, v.id, 'reactivate', { reason: '返乡' });
    expect(on.body.stage).toBe('active');
    expect(
      on.body.decisions.map((d: { decision: string; comment: string }) => [d.decision, d.comment]).slice(-2),
    ).toEqual([
      ['deactivate', '外出务工一年'],
      ['reactivate', '返乡'],
    ]);
    await waitFor(
      'audit',
      async () =>
        (await stack
          .db('audit_events')
          .where({ entity_type: 'volunteer', entity_id: String(v.id), action: 'volunteer.reactivate' })
          .first()) ?? undefined,
    );
  });
});
