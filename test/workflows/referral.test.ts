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
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import { decryptPii } from '../../db/pii.js';

// The referral's paths end to end with a real worker and the real dev server. A policy day is
// one second: the interview reminder comes a second before the interview, the follow-ups 2, 4
// and 6 seconds after the start; the placement deadline is far away (its own test elsewhere).
// A short history limit makes the longer paths continue as new on the way, carrying their state.

describe('referral workflow: paths to a placement and its follow-ups', () => {
  let stack: TestStack;
  let caseworker: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '2,4,6',
        SHEQU_HISTORY_LIMIT: '40',
      },
    });
    caseworker = await login(stack, 'caseworker1');
  });
  afterAll(() => stack.stop());

  const placesLeft = async (openingId: number) =>
    (await stack.db('job_openings').where({ id: openingId }).first('places_left')).places_left as number;

  it('placed first try, retained at 1, 3 and 6 months: closed, every step on the timeline and in the audit log', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['挡车工', '纺织'], places: 2 });
    const m = await toMatching(stack, caseworker, ['纺织', '挡车工'], [opening.id]);
    expect(m.helper).toMatchObject({ id: await helperOf(stack) });
    expect(m.seeker.skills).toEqual(['纺织', '挡车工']);
    const match = m.matches.find((x: { openingId: number }) => x.openingId === opening.id);
    expect(match.rank).toBe(1);
    expect(match.reasons.find((r: { factor: string }) => r.factor === 'skills')).toMatchObject({ points: 50 });

    // The interview is 3 s away: the reminder (one policy day before) reaches the caseworkers.
    const atInterview = await toInterview(caseworker, m.id, opening.id, 3000);
    expect(atInterview).toMatchObject({ stage: 'interview', proposal: { openingId: opening.id } });
    await waitFor('interview reminder', async () =>
      stack
        .db('notifications')
        .where({ kind: 'interview_reminder', entity_id: String(m.id) })
        .first(),
    );

    const placed = await hire(caseworker, m.id);
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({
      stage: 'placed',
      deadlineAt: null,
      placements: [{ openingId: opening.id, wageFen: 380_000, status: 'active' }],
    });
    expect(await placesLeft(opening.id)).toBe(1);

    for (const month of [1, 3, 6]) {
      await waitReferral(
        caseworker,
        m.id,
        (r) => r.followUps.some((f: { month: number; status: string }) => f.month === month && f.status === 'open'),
        `${month}-month follow-up open`,
      );
      const res = await step(caseworker, m.id, 'follow-ups', { month, outcome: 'retained', reason: '' });
      expect(res.status).toBe(200);
    }
    const closed = await waitReferral(caseworker, m.id, (r) => r.stage === 'closed', 'closed');
    expect(closed.placements[0].status).toBe('retained');
    expect(closed.followUps.map((f: { status: string }) => f.status)).toEqual(['retained', 'retained', 'retained']);
    expect(closed.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'refer',
      'received',
      'assess',
      'matched',
      'propose',
      'accept',
      'hired',
      'follow_up_retained',
      'follow_up_retained',
      'follow_up_retained',
    ]);
    const audit = await stack
      .db('audit_events')
      .where({ entity_type: 'referral', entity_id: String(m.id) })
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual([
      'referral.refer',
      'referral.received',
      'referral.assess',
      'referral.matched',
      'referral.propose',
      'referral.accept',
      'referral.interview_reminder',
      'referral.hired',
      'referral.follow_up_due',
      'referral.follow_up_retained',
      'referral.follow_up_due',
      'referral.follow_up_retained',
      'referral.follow_up_due',
      'referral.follow_up_retained',
    ]);
    const desc = await stack.temporal.workflow.getHandle(`referral-${m.id}`).describe();
    expect(desc.status.name).toBe('COMPLETED');
    const lastRun = await stack.temporal.workflow.getHandle(`referral-${m.id}`).fetchHistory();
    expect(lastRun.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
    await recordHistory(stack, `referral-${m.id}`, 'referral-placed-retained-closed');

    const report = await caseworker.call(
      'GET',
      `/api/placement-report?filter=${encodeURIComponent(JSON.stringify({ streetId: 2 }))}`,
    );
    expect(report.status).toBe(200);
    expect(report.body).toEqual([
      expect.objectContaining({
        streetId: 2,
        month: '2026-11',
        placed: 1,
        due1: 1,
        retained1: 1,
        rate1: 1,
        due6: 1,
        rate6: 1,
      }),
    ]);
  });

  it('not hired at the first interview, placed at the second; the first opening is not offered again', async () => {
    const first = await createOpening(caseworker, { requiredSkills: ['电工'] });
    const second = await createOpening(caseworker, { requiredSkills: ['电工'], wageMaxFen: 420_000 });
    const m = await toMatching(stack, caseworker, ['电工'], [first.id, second.id]);
    await toInterview(caseworker, m.id, first.id);
    const notHired = await step(caseworker, m.id, 'outcome', { hired: false, reason: '需要夜班，求职者身体不允许' });
    expect(notHired.status).toBe(200);
    expect(notHired.body.stage).toBe('matching');
    expect(notHired.body.interviews[0]).toMatchObject({ outcome: 'not_hired', reason: '需要夜班，求职者身体不允许' });
    const ranked = await waitReferral(
      caseworker,
      m.id,
      (r) => r.decisions.filter((d: { decision: string }) => d.decision === 'matched').length >= 2,
      'ranked again',
    );
    expect(ranked.matches.map((x: { openingId: number }) => x.openingId)).not.toContain(first.id);
    expect((await step(caseworker, m.id, 'propose', { openingId: first.id })).status).toBe(409);

    await toInterview(caseworker, m.id, second.id);
    expect((await hire(caseworker, m.id)).body.stage).toBe('placed');
    expect(await placesLeft(first.id)).toBe(3);
    expect(await placesLeft(second.id)).toBe(2);
    await recordHistory(stack, `referral-${m.id}`, 'referral-not-hired-then-placed');
  });

  it('declined proposals go back to matching with the reason, and a decline needs a reason', async () => {
    const a = await createOpening(caseworker, { requiredSkills: ['仓储'] });
    const b = await createOpening(caseworker, { requiredSkills: ['仓储'] });
    const m = await toMatching(stack, caseworker, ['仓储'], [a.id, b.id]);
    for (const openingId of [a.id, b.id]) {
      expect((await step(caseworker, m.id, 'propose', { openingId })).body.stage).toBe('proposed');
      const noReason = await step(caseworker, m.id, 'respond', { accepted: false });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toHaveProperty('reason');
      const declined = await step(caseworker, m.id, 'respond', { accepted: false, reason: '离家太远' });
      expect(declined.body).toMatchObject({ stage: 'matching', proposal: null });
    }
    const ranked = await waitReferral(
      caseworker,
      m.id,
      (r) => r.decisions.filter((d: { decision: string }) => d.decision === 'matched').length >= 3,
      'ranked after two declines',
    );
    expect(ranked.matches.map((x: { openingId: number }) => x.openingId)).not.toEqual(expect.arrayContaining([a.id]));
    expect(
      ranked.decisions
        .filter((d: { decision: string }) => d.decision === 'decline')
        .map((d: { comment: string }) => d.comment),
    ).toEqual(['离家太远', '离家太远']);
    const row = await stack.db('referrals').where({ id: m.id }).first('declined_opening_ids');
    expect(row.declined_opening_ids).toEqual([a.id, b.id]);
    await recordHistory(stack, `referral-${m.id}`, 'referral-declined-twice');
  });

  it('a seeker who left at the first follow-up is matched again, with a new deadline; the other follow-ups never open', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['烹饪'] });
    const m = await toMatching(stack, caseworker, ['烹饪'], [opening.id]);
    await toInterview(caseworker, m.id, opening.id);
    await hire(caseworker, m.id);
    await waitReferral(
      caseworker,
      m.id,
      (r) => r.followUps.some((f: { status: string }) => f.status === 'open'),
      'first follow-up',
    );
    const noReason = await step(caseworker, m.id, 'follow-ups', { month: 1, outcome: 'left' });
    expect(noReason.status).toBe(400);
    expect((await step(caseworker, m.id, 'follow-ups', { month: 3, outcome: 'retained' })).status).toBe(409);
    const left = await step(caseworker, m.id, 'follow-ups', { month: 1, outcome: 'left', reason: '工资低于约定' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({
      stage: 'matching',
      placements: [{ status: 'left', leftReason: '工资低于约定' }],
    });
    expect(Date.parse(left.body.deadlineAt)).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, 5000)); // past the 3-month follow-up's time
    expect(
      (await referral(caseworker, m.id)).followUps.map((f: { month: number; status: string }) => [f.month, f.status]),
    ).toEqual([[1, 'left']]);
    await recordHistory(stack, `referral-${m.id}`, 'referral-left-rematched');
  });

  it('withdrawal at any stage needs a reason and closes the referral; then every step is refused', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['驾驶'] });
    const m = await toMatching(stack, caseworker, ['驾驶'], [opening.id]);
    await toInterview(caseworker, m.id, opening.id);
    expect((await step(caseworker, m.id, 'withdraw', { reason: '' })).status).toBe(400);
    const withdrawn = await step(caseworker, m.id, 'withdraw', { reason: '已自行找到工作' });
    expect(withdrawn.body).toMatchObject({ stage: 'withdrawn', closedReason: '已自行找到工作', allowedActions: [] });
    expect((await hire(caseworker, m.id)).status).toBe(409);
    expect(await placesLeft(opening.id)).toBe(3);
    await recordHistory(stack, `referral-${m.id}`, 'referral-withdrawn');
    // The person may be referred again once the old referral is closed.
    const again = await refer(caseworker, [
      seekerBody(3, {
        idNumber: decryptPii(
          (await stack.db('job_seekers').where({ id: m.seekerId }).first('id_number_enc')).id_number_enc,
        ),
      }),
    ]);
    expect(again.referralIds).toHaveLength(1);
  });
});
