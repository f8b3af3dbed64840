import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberColumns } from '../../db/pii.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { seedEnrollments } from '../support/enrollments.js';
import { idNumber } from '../support/fixtures.js';
import {
  createOpening,
  helperOf,
  hire,
  refer,
  seekerBody,
  step,
  toInterview,
  waitReferral,
} from '../support/referrals.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// The caseworker's task queue with the real stack. A household left dibao two months ago (its
// enrollment written straight into the projection, as a past exit); a former member is referred
// as a laid-off worker, placed, and at her month-1 follow-up has left the job: the referral's
// outbox finds the exited household by her ID number's hash and raises a re-apply invitation
// (主动发现), due in 10 policy days (3 s each). The caseworker of the community sees and
// completes it; another community's caseworker cannot reach it; the street reads it; once past
// due, the watch pass tells supervisors exactly once.

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

describe('casework tasks', () => {
  let stack: TestStack;
  let caseworker: ApiClient, other: ApiClient, reviewer: ApiClient, supervisor: ApiClient, finance: ApiClient;
  let household: { householdId: number; applicationId: number };
  let taskId: number;
  let referralId: number;
  const memberId = idNumber('19820715', 611);

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '3',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '2,1000,2000',
      },
    });
    // A caseworker of another community of the same street (org unit 4).
    await stack.db('users').insert({
      username: 'caseworker-elsewhere',
      display_name: '外社区专干',
      role: 'caseworker',
      org_unit_id: 4,
      password_hash: (await stack.db('users').where({ username: 'caseworker1' }).first()).password_hash,
    });
    [caseworker, other, reviewer, supervisor, finance] = await Promise.all(
      ['caseworker1', 'caseworker-elsewhere', 'reviewer1', 'supervisor1', 'finance1'].map((u) => login(stack, u)),
    );

    // The past exit: enrolled from 2025, terminated two months ago; the member who will look
    // for work carries a known ID number.
    const exitedOn = shanghaiDate(new Date(Date.now() - 60 * 86_400_000));
    const [seeded] = await seedEnrollments(stack.db, [
      { members: 2, from: '2025-01-01', terms: [{ from: `${exitedOn.slice(0, 7)}-01`, status: 'terminated' }] },
    ]);
    const e = await stack.db('enrollments').where({ id: seeded.enrollmentId }).first('application_id');
    await stack.db('enrollments').where({ id: seeded.enrollmentId }).update({
      status: 'terminated',
      effective_to: exitedOn,
    });
    await stack.db('applications').where({ id: e.application_id }).update({ stage: 'terminated' });
    const member = await stack
      .db('household_members')
      .where({ household_id: seeded.householdId, relation: 'child' })
      .first('id');
    await stack
      .db('household_members')
      .where({ id: member.id })
      .update({ name: '周红', ...idNumberColumns(memberId) });
    household = { householdId: seeded.householdId, applicationId: e.application_id };
  });
  afterAll(() => stack?.stop());

  const list = (client: ApiClient, filter: object = {}) =>
    client.call('GET', `/api/casework-tasks?filter=${q(filter)}&range=${q([0, 99])}`);
  const ids = async (client: ApiClient, filter: object = {}) => {
    const res = await list(client, filter);
    expect(res.status).toBe(200);
    return (res.body as { id: number }[]).map((t) => t.id);
  };
  const done = (client: ApiClient, id: number, outcome: unknown) =>
    client.call('POST', `/api/casework-tasks/${id}/done`, { outcome });
  const watchPass = async () =>
    (await stack.temporal.workflow.execute('watchWorkflows', {
      workflowId: `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}watch-tasks-${Date.now()}`,
      taskQueue: stack.taskQueue,
      args: [],
    })) as { overdueTasksNotified?: number };

  it('a job lost by a member of a household that left dibao becomes a re-apply invitation for its community', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    referralId = (await refer(caseworker, [seekerBody(3, { name: '周红', idNumber: memberId })])).referralIds[0];
    await waitReferral(caseworker, referralId, (r) => r.stage === 'intake', 'at intake');
    const assessed = await step(caseworker, referralId, 'assess', {
      education: 'junior_high',
      skills: ['保洁'],
      experience: '商场保洁',
      helperId: await helperOf(stack),
    });
    expect(assessed.status).toBe(200);
    await waitReferral(caseworker, referralId, (r) => r.stage === 'matching' && r.matches.length > 0, 'ranked');
    await toInterview(caseworker, referralId, opening.id);
    expect((await hire(caseworker, referralId, 260_000)).status).toBe(200);
    // Placed: the household is not on dibao any more, so the wage raises nothing.
    await waitReferral(
      caseworker,
      referralId,
      (r) => r.followUps.some((f: { status: string }) => f.status === 'open'),
      'follow-up due',
    );
    expect(await ids(caseworker)).toEqual([]);

    const left = await step(caseworker, referralId, 'follow-ups', { month: 1, outcome: 'left', reason: '门店关闭' });
    expect(left.status).toBe(200);
    const leftAt = Date.now();
    const [task] = await waitFor('the re-apply invitation', async () => {
      const res = await list(caseworker, { status: 'open', kind: 'reapply_invitation' });
      return res.body.length ? res.body : undefined;
    });
    taskId = task.id;
    expect(task).toMatchObject({
      kind: 'reapply_invitation',
      status: 'open',
      householdId: household.householdId,
      applicationId: household.applicationId,
      communityId: 3,
      communityName: '东风社区',
      streetName: '城东街道',
      overdue: false,
      outcome: null,
      doneAt: null,
      details: { referralId },
    });
    expect(task.title).toContain('周红');
    expect(task.title).toContain('邀请重新申请');
    // 10 policy days of 3 s from the follow-up.
    expect(Date.parse(task.dueAt) - leftAt).toBeGreaterThan(20_000);
    expect(Date.parse(task.dueAt) - leftAt).toBeLessThan(40_000);
    expect((await caseworker.call('GET', `/api/casework-tasks/${taskId}`)).body).toEqual(task);
  });

  it('is scoped to the area: another community gets 404, the street and the district read but do not act', async () => {
    expect(await ids(other)).not.toContain(taskId);
    expect((await other.call('GET', `/api/casework-tasks/${taskId}`)).status).toBe(404);
    expect((await done(other, taskId, '已联系')).status).toBe(404);

    expect(await ids(reviewer, { status: 'open' })).toContain(taskId);
    expect((await done(reviewer, taskId, '已联系')).status).toBe(403);
    expect((await done(finance, taskId, '已联系')).status).toBe(403);
    expect((await finance.call('GET', `/api/casework-tasks/${taskId}`)).status).toBe(200);

    expect(await ids(supervisor, { communityId: 3 })).toContain(taskId);
    expect(await ids(supervisor, { communityId: 4 })).not.toContain(taskId);
    expect(await ids(supervisor, { streetId: 2, kind: 'reapply_invitation' })).toContain(taskId);
    expect(await ids(supervisor, { kind: 'visit_concern' })).not.toContain(taskId);
    expect(await ids(supervisor, { householdId: household.householdId })).toEqual([taskId]);
    expect((await list(supervisor, { status: 'closed' })).status).toBe(400);
    expect((await list(supervisor, { overdue: 'soon' })).status).toBe(400);
  });

  it('past due it is overdue, and the watch pass tells supervisors once', async () => {
    expect(await ids(caseworker, { overdue: true })).not.toContain(taskId);
    // Before its due time a pass tells nobody.
    await watchPass();
    const key = `casework-task-overdue:${taskId}`;
    expect(await stack.db('notifications').where({ dedupe_key: key }).first()).toBeUndefined();

    await waitFor('the task overdue', async () => (await ids(caseworker, { overdue: true })).includes(taskId), 60_000);
    expect(await ids(caseworker, { overdue: false })).not.toContain(taskId);
    expect((await caseworker.call('GET', `/api/casework-tasks/${taskId}`)).body.overdue).toBe(true);

    const first = await watchPass();
    expect(first.overdueTasksNotified).toBe(1);
    const second = await watchPass();
    expect(second.overdueTasksNotified).toBe(0);
    expect(await stack.db('notifications').where({ dedupe_key: key }).count()).toEqual([{ count: '1' }]);

    const notices = (await supervisor.call('GET', `/api/notifications?range=${q([0, 99])}`)).body as {
      kind: string;
      entityType: string;
      entityId: string;
      message: string;
    }[];
    const notice = notices.find((n) => n.entityType === 'casework_task' && n.entityId === String(taskId));
    expect(notice).toMatchObject({ kind: 'casework_task_overdue' });
    expect(notice!.message).toContain('已逾期');
    expect(notice!.message).toContain('东风社区');
    const caseworkerNotices = (await caseworker.call('GET', `/api/notifications?range=${q([0, 99])}`)).body as {
      entityType: string;
    }[];
    expect(caseworkerNotices.filter((n) => n.entityType === 'casework_task')).toEqual([]);
  });

  it('the caseworker completes it with an outcome, once; it is audited and leaves the open queue', async () => {
    const blank = await done(caseworker, taskId, '   ');
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.errors)).toEqual(['outcome']);
    const long = await done(caseworker, taskId, '联'.repeat(501));
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.errors)).toEqual(['outcome']);
    expect((await caseworker.call('POST', `/api/casework-tasks/${taskId}/done`, {})).status).toBe(400);

    const outcome = '已电话联系周红，家庭将于下周一到社区重新申请低保';
    const res = await done(caseworker, taskId, outcome);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: taskId,
      status: 'done',
      outcome,
      doneByName: '王芳（社区专干）',
      overdue: false,
    });
    expect(res.body.doneAt).not.toBeNull();

    const twice = await done(supervisor, taskId, '再次完成');
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已完成');
    expect((await caseworker.call('GET', `/api/casework-tasks/${taskId}`)).body.outcome).toBe(outcome);

    const audit = await stack
      .db('audit_events')
      .where({ action: 'casework_task.done', entity_type: 'casework_task', entity_id: String(taskId) })
      .select('actor_username', 'org_unit_id', 'after');
    expect(audit).toEqual([{ actor_username: 'caseworker1', org_unit_id: 3, after: { status: 'done', outcome } }]);

    expect(await ids(caseworker, { status: 'open' })).not.toContain(taskId);
    expect(await ids(caseworker, { overdue: true })).not.toContain(taskId);
    expect(await ids(caseworker, { status: 'done' })).toEqual([taskId]);
    // Done before the next pass: nothing more for supervisors.
    expect((await watchPass()).overdueTasksNotified).toBe(0);
  });
});
