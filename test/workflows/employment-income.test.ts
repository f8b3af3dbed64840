import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstOfNextMonth } from '../../domain/shanghai-date.js';
import { incomeEventSignal } from '../../workflows/benefit-case-messages.js';
import { detail } from '../support/benefit.js';
import { enrolledHousehold as enrolledOne, incomeReview, place as placeOne } from '../support/employment.js';
import { recordHistory } from '../support/histories.js';
import { step, waitReferral } from '../support/referrals.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// A dibao member placed in a job: the wage reaches her household's case as an income event, the
// case opens one review (however often the event is sent) with a proposal from the rules — the
// standard ¥890, the ¥300 employment-cost deduction, the 1.5× gradual-exit ceiling — and the
// caseworker's decision sets what the following monthly runs pay. A policy day is one second;
// follow-ups fall due 2, 4 and 6 s after the start.
//
// Household (test/support/employment.ts): head ¥500 a month, spouse none; enrolled at ¥1,280.
//   spouse placed at ¥1,400: counted 1,100, total 1,600 ≤ 1,780 → adjust to ¥180
//   spouse placed at ¥2,000: counted 1,700, total 2,200 ≤ 2,670 (1.5×) → 渐退 6 months at ¥1,280
//   spouse placed at ¥2,600: counted 2,300, total 2,800 > 2,670 → terminate

describe('employment income reaches the dibao case', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient, finance: ApiClient, other: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_NOTICE_DAYS: '1',
        SHEQU_RECHECK_DAYS: 'A=100000,B=100000,C=100000',
        SHEQU_DEADLINE_DAYS: 'community_review=1000,street_review=1000,district_approval=1000,income_review=1000',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '2,4,6',
      },
    });
    // A caseworker of another community (org unit 4), to show scoping.
    await stack.db('users').insert({
      username: 'caseworker-elsewhere',
      display_name: '外社区专干',
      role: 'caseworker',
      org_unit_id: 4,
      password_hash: (await stack.db('users').where({ username: 'caseworker1' }).first()).password_hash,
    });
    [caseworker, reviewer, approver, finance, other] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1', 'finance1', 'caseworker-elsewhere'].map((u) => login(stack, u)),
    );
  });
  afterAll(() => stack.stop());

  const review = (applicationId: number) => incomeReview(caseworker, applicationId);
  const enrolledHousehold = () => enrolledOne({ caseworker, reviewer, approver });
  const place = (spouseId: string, wageFen: number) => placeOne(stack, caseworker, spouseId, wageFen);
  const enrollment = (id: number) => caseworker.call('GET', `/api/enrollments/${id}`).then((r) => r.body);
  const incomeDecision = (client: ApiClient, id: number, body: Record<string, unknown>) =>
    client.call('POST', `/api/applications/${id}/income-decision`, body);

  async function linesOf(enrollmentId: number, period: string) {
    const started = await finance.call('POST', '/api/disbursement-runs', { period });
    expect([200, 201]).toContain(started.status);
    await waitFor(`run ${period} built`, async () => {
      const r = (await finance.call('GET', `/api/disbursement-runs/${started.body.id}`)).body;
      return r.phase === 'awaiting_signoff' ? r : undefined;
    });
    return stack
      .db('payments')
      .where({ enrollment_id: enrollmentId, period, kind: 'regular' })
      .select('amount_fen', 'note');
  }

  it('a wage in the 渐退 band: one review even when sent twice, 6 months at the old amount, then nothing; a job lost brings the full amount back', async () => {
    const h = await enrolledHousehold();
    const p = await place(h.spouseId, 200_000);
    const opened = await review(h.applicationId);
    expect(opened.incomeReview.proposal).toMatchObject({
      outcome: 'gradual_exit',
      wageFen: 200_000,
      deductionFen: 30_000,
      countedFen: 170_000,
      ceilingFen: 133_500,
    });
    expect(opened.incomeReview.proposal.schedule).toHaveLength(6);
    expect(opened.allowedActions).toContain('income_decision');

    // The same event again (a retried send): taken in once.
    const row = await stack
      .db('income_events')
      .where({ event_id: `placement-${p.placementId}` })
      .first();
    expect(row).toMatchObject({ application_id: h.applicationId, status: 'reviewed', wage_fen: '200000' });
    await stack.temporal.workflow.getHandle(`benefit-${h.applicationId}`).signal(incomeEventSignal, {
      eventId: row.event_id,
      kind: 'placed',
      memberId: row.member_id,
      wageFen: 200_000,
      placementId: p.placementId,
      referralId: p.referralId,
      occurredAt: new Date().toISOString(),
    });

    // Another community's caseworker sees none of it.
    expect((await other.call('GET', `/api/applications/${h.applicationId}`)).status).toBe(404);
    expect((await incomeDecision(other, h.applicationId, { outcome: 'gradual_exit' })).status).toBe(404);

    // Adjusting is refused (no longer eligible); terminating is the district's; changing needs a reason.
    const adjust = await incomeDecision(caseworker, h.applicationId, { outcome: 'adjust', comment: '试一下' });
    expect(adjust.status).toBe(400);
    expect(adjust.body.errors).toHaveProperty('outcome');
    expect((await incomeDecision(caseworker, h.applicationId, { outcome: 'terminate', comment: '超过' })).status).toBe(
      403,
    );
    const noReason = await incomeDecision(approver, h.applicationId, { outcome: 'terminate' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('comment');

    const confirmed = await incomeDecision(caseworker, h.applicationId, { outcome: 'gradual_exit' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.stage).toBe('gradual_exit');
    const first = firstOfNextMonth(new Date());
    expect(confirmed.body.gradualExit.schedule[0]).toEqual({ period: first.slice(0, 7), amountFen: 128_000 });
    expect(
      await stack.db('decisions').where({ application_id: h.applicationId, decision: 'income_event' }).count(),
    ).toEqual([{ count: '1' }]);

    const months = confirmed.body.gradualExit.schedule.map((m: { period: string }) => m.period);
    const after = confirmed.body.gradualExit.endsOn.slice(0, 7);
    expect(await linesOf(h.enrollmentId, months[0])).toEqual([{ amount_fen: '128000', note: '渐退期 第1/6月' }]);
    expect(await linesOf(h.enrollmentId, months[5])).toEqual([{ amount_fen: '128000', note: '渐退期 第6/6月' }]);
    expect(await linesOf(h.enrollmentId, after)).toEqual([]);

    // The month-1 follow-up: she left. The review proposes the full amount again.
    await waitReferral(
      caseworker,
      p.referralId,
      (r) => r.followUps.some((f: { status: string }) => f.status === 'open'),
      'follow-up due',
    );
    expect(
      (await step(caseworker, p.referralId, 'follow-ups', { month: 1, outcome: 'left', reason: '工厂裁员' })).status,
    ).toBe(200);
    const back = await review(h.applicationId);
    expect(back.incomeReview.proposal).toMatchObject({ outcome: 'adjust', wageFen: 0 });
    expect(back.incomeReview.proposal.calculation.amountFen).toBe(128_000);
    const resumed = await incomeDecision(caseworker, h.applicationId, { outcome: 'adjust' });
    expect(resumed.body).toMatchObject({ stage: 'enrolled', gradualExit: null });
    // The 渐退 schedule is gone: a month not yet run past its end pays the full amount again
    // (the run already built for the month after it keeps what it built then).
    const later = firstOfNextMonth(new Date(`${after}-15T00:00:00+08:00`)).slice(0, 7);
    expect(await linesOf(h.enrollmentId, later)).toEqual([{ amount_fen: '128000', note: null }]);

    // The household page tells it across programmes: her referral and job, both income events,
    // the 渐退 lines paid, and one timeline with the dibao case and the referral.
    const householdId = (await detail(caseworker, h.applicationId)).householdId;
    const page = (await caseworker.call('GET', `/api/households/${householdId}`)).body;
    expect(page.story.referrals).toEqual([
      expect.objectContaining({
        referralId: p.referralId,
        memberName: '钱二',
        placements: [expect.objectContaining({ id: p.placementId, wageFen: 200_000, status: 'left' })],
      }),
    ]);
    expect(page.story.incomeEvents.map((e: { kind: string; outcome: string }) => [e.kind, e.outcome])).toEqual([
      ['placed', 'gradual_exit'],
      ['left', 'adjust'],
    ]);
    expect(page.story.payments).toContainEqual(
      expect.objectContaining({ period: months[0], amountFen: 128_000, note: '渐退期 第1/6月' }),
    );
    const programmes = new Set(page.story.timeline.map((t: { programme: string }) => t.programme));
    expect(programmes).toEqual(new Set(['dibao', 'referral']));
    expect(page.story.timeline).toContainEqual(
      expect.objectContaining({
        programme: 'dibao',
        decision: 'income_decision',
        actorName: '王芳（社区专干）',
        actorRole: 'caseworker',
      }),
    );
    expect((await other.call('GET', `/api/households/${householdId}`)).status).toBe(404);
    await recordHistory(stack, `benefit-${h.applicationId}`, 'benefit-gradual-exit-and-back');
    await recordHistory(stack, `referral-${p.referralId}`, 'referral-income-events');
  });

  it('a wage at or below the standard adjusts the amount from next month; above the ceiling the district terminates', async () => {
    const low = await enrolledHousehold();
    const high = await enrolledHousehold();
    await place(low.spouseId, 140_000);
    await place(high.spouseId, 260_000);

    const lowReview = await review(low.applicationId);
    expect(lowReview.incomeReview.proposal).toMatchObject({ outcome: 'adjust', countedFen: 110_000 });
    expect(lowReview.incomeReview.proposal.calculation.amountFen).toBe(18_000);
    const adjusted = await incomeDecision(caseworker, low.applicationId, { outcome: 'adjust' });
    expect(adjusted.body.stage).toBe('enrolled');
    expect((await enrollment(low.enrollmentId)).amountFen).toBe(18_000);
    // (next month's run was built by the test before; a later month shows the new amount)
    expect(await linesOf(low.enrollmentId, '2030-06')).toEqual([{ amount_fen: '18000', note: null }]);

    const highReview = await review(high.applicationId);
    expect(highReview.incomeReview.proposal).toMatchObject({ outcome: 'terminate', countedFen: 230_000 });
    const ended = await incomeDecision(approver, high.applicationId, { outcome: 'terminate' });
    expect(ended.status).toBe(200);
    expect(ended.body.stage).toBe('terminated');
    expect(
      await stack
        .db('notifications')
        .where({ kind: 'benefit_terminated', entity_id: String(high.applicationId) })
        .first(),
    ).toBeTruthy();
    await recordHistory(stack, `benefit-${low.applicationId}`, 'benefit-income-adjusted');
    await recordHistory(stack, `benefit-${high.applicationId}`, 'benefit-income-terminated');
  });

  it('a corrected wage needs a reason and is what counts', async () => {
    const h = await enrolledHousehold();
    await place(h.spouseId, 260_000);
    await review(h.applicationId);
    const noReason = await incomeDecision(caseworker, h.applicationId, { outcome: 'adjust', wageFen: 140_000 });
    expect(noReason.status).toBe(400);
    const fixed = await incomeDecision(caseworker, h.applicationId, {
      outcome: 'adjust',
      wageFen: 140_000,
      comment: '用人单位出具工资证明，实发1400元',
    });
    expect(fixed.status).toBe(200);
    expect((await enrollment(h.enrollmentId)).amountFen).toBe(18_000);
    const member = await stack
      .db('household_members')
      .where({ household_id: fixed.body.householdId, relation: 'spouse' })
      .first();
    expect(Number(member.verified_income_fen)).toBe(110_000);
  });

  it('invariant: every income event sent was taken in exactly once — one review or one note on its case', async () => {
    const { rows } = await stack.db.raw(`
      SELECT e.event_id, e.status,
             (SELECT count(*) FROM decisions d
               WHERE d.application_id = e.application_id
                 AND d.decision IN ('income_event', 'income_noted')
                 AND d.details->>'eventId' = e.event_id)::int AS taken
        FROM income_events e`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r: { status: string; taken: number }) => r.status === 'sent' || r.taken !== 1)).toEqual([]);
  });
});
