import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, decide, findings, waitStage } from '../support/benefit.js';
import { idNumber } from '../support/fixtures.js';
import { recordHistory } from '../support/histories.js';
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
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';

// Where a referral meets the dibao case (社会救助暂行办法 §43, §45), with the real API, worker,
// Temporal and PostgreSQL. People are matched across the programmes by their ID number only:
// the seekers here are referred as laid-off workers with the ID number of a household member.
//
// §43: a seeker of an enrolled household in which no other member works gets the
// zero-employment points (15 by the migrated rules) on every opening, shown as a reason.
// §45: a working-age member's third refusal in a row without a valid reason raises one review
// task for the household's community caseworker; nothing about the allowance changes.

let seq = 700;

describe('referral ↔ dibao: zero-employment priority and refused offers', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_NOTICE_DAYS: '1',
        SHEQU_RECHECK_DAYS: 'A=100000,B=100000,C=100000',
        SHEQU_DEADLINE_DAYS: 'community_review=1000,street_review=1000,district_approval=1000,income_review=1000',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '1000,2000,3000',
      },
    });
    [caseworker, reviewer, approver] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1'].map((u) => login(stack, u)),
    );
  });
  afterAll(() => stack.stop());

  /** An enrolled household of community 3: a head and a spouse (born 1982, of working age). */
  async function enrolledHousehold() {
    const headId = idNumber('19650312', seq++);
    const spouseId = idNumber('19820304', seq++);
    const c = await createCase(caseworker, 3, {
      members: [
        { name: '孙大', idNumber: headId, relation: 'head', disabled: false, monthlyIncomeFen: 50_000 },
        { name: '李二', idNumber: spouseId, relation: 'spouse', disabled: false, monthlyIncomeFen: 0 },
      ],
    });
    const d = await waitStage(caseworker, c.id, 'community_review');
    expect((await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) })).status).toBe(
      200,
    );
    await waitStage(reviewer, c.id, 'street_review', 30_000);
    expect((await decide(reviewer, c.id, { decision: 'approve', comment: '' })).status).toBe(200);
    const done = await decide(approver, c.id, { decision: 'approve', comment: '' });
    expect(done.body.stage).toBe('enrolled');
    return { applicationId: c.id, householdId: c.householdId, enrollmentId: done.body.enrollmentId, headId, spouseId };
  }

  /** Refers one person (by ID number) with `skills`, assesses her and waits for a ranking holding `openingId`. */
  async function seeker(idNumberText: string, skills: string[], openingId?: number) {
    const batch = await refer(caseworker, [seekerBody(3, { name: '求职人', idNumber: idNumberText })]);
    const id = batch.referralIds[0];
    await waitReferral(caseworker, id, (r) => r.stage === 'intake', 'at intake');
    const assessed = await step(caseworker, id, 'assess', {
      education: 'senior_high',
      skills,
      experience: '超市理货',
      helperId: await helperOf(stack),
    });
    expect(assessed.status).toBe(200);
    return waitReferral(
      caseworker,
      id,
      (r) =>
        r.stage === 'matching' &&
        r.matches.length > 0 &&
        (openingId === undefined || r.matches.some((m: { openingId: number }) => m.openingId === openingId)),
      'ranked',
    );
  }

  type Reason = { factor: string; points: number; text: string };
  const matchFor = (r: { matches: { openingId: number; score: number; reasons: Reason[] }[] }, openingId: number) =>
    r.matches.find((m) => m.openingId === openingId)!;

  it('§43: a member of a dibao household in which nobody works ranks with the priority points and its reason; the same profile without one, or a household with a member in work, does not', async () => {
    const opening = await createOpening(caseworker, { requiredSkills: ['理货'], places: 5 });
    const zero = await enrolledHousehold();
    const working = await enrolledHousehold();

    // The head of the second household is placed in a job: that household has a member in work.
    const head = await seeker(working.headId, ['理货'], opening.id);
    await toInterview(caseworker, head.id, opening.id);
    expect((await hire(caseworker, head.id, 150_000)).status).toBe(200);

    const member = await seeker(zero.spouseId, ['理货'], opening.id);
    const plain = await seeker(idNumber('19820304', seq++), ['理货'], opening.id);
    const partner = await seeker(working.spouseId, ['理货'], opening.id);

    const boosted = matchFor(member, opening.id);
    const base = matchFor(plain, opening.id);
    expect(boosted.reasons).toContainEqual({
      factor: 'zero_employment',
      points: 15,
      text: '零就业低保家庭优先（社会救助暂行办法第43条）',
    });
    expect(boosted.score).toBe(base.score + 15);
    expect(base.reasons.map((x) => x.factor)).not.toContain('zero_employment');
    // Every opening of her list carries it: all her scores are the plain seeker's + 15.
    expect(member.matches.map((m: { score: number }) => m.score)).toEqual(
      plain.matches.map((m: { score: number }) => m.score + 15),
    );
    const withWorker = matchFor(partner, opening.id);
    expect(withWorker.reasons.map((x) => x.factor)).not.toContain('zero_employment');
    expect(withWorker.score).toBe(base.score);
    // What is stored for the list is what the API shows.
    const stored = await stack.db('referral_matches').where({ referral_id: member.id, opening_id: opening.id }).first();
    expect(stored.score).toBe(base.score + 15);
  });

  /** Proposes a fresh opening and records the seeker's decline. */
  async function decline(referralId: number, body: Record<string, unknown>) {
    const opening = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    const proposed = await step(caseworker, referralId, 'propose', { openingId: opening.id });
    expect(proposed.status).toBe(200);
    const declined = await step(caseworker, referralId, 'respond', { accepted: false, ...body });
    expect(declined.status).toBe(200);
    expect(declined.body.stage).toBe('matching');
    return opening;
  }
  const tasksOf = (householdId: number) =>
    stack.db('casework_tasks').where({ household_id: householdId, kind: 'refusal_review' }).orderBy('id');

  it('§45: three refusals in a row without a valid reason raise exactly one review task; the allowance is untouched', async () => {
    const h = await enrolledHousehold();
    const r = await seeker(h.spouseId, ['保洁']);
    const first = await decline(r.id, { reason: '不想去' });
    const second = await decline(r.id, { reason: '嫌工资低', reasonKind: 'other' });
    expect(await tasksOf(h.householdId)).toEqual([]);

    // The third: a kind of reason outside the list is refused; then the review is due.
    const opening = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    expect((await step(caseworker, r.id, 'propose', { openingId: opening.id })).status).toBe(200);
    const invalid = await step(caseworker, r.id, 'respond', { accepted: false, reason: '不去', reasonKind: 'lazy' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toHaveProperty('reasonKind');
    expect((await step(caseworker, r.id, 'respond', { accepted: false, reason: '不去' })).status).toBe(200);

    const tasks = await tasksOf(h.householdId);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    const member = await stack
      .db('household_members')
      .where({ household_id: h.householdId, relation: 'spouse' })
      .first();
    expect(task).toMatchObject({
      kind: 'refusal_review',
      status: 'open',
      application_id: h.applicationId,
      community_id: 3,
      source_key: expect.stringMatching(new RegExp(`^refusal-review:member-${member.id}:event-\\d+$`)),
    });
    expect(task.title).toContain('李二');
    expect(task.details).toMatchObject({
      rule: '社会救助暂行办法第45条',
      memberId: member.id,
      proposal: '建议对该成员减发（须复核决定，不自动执行）',
    });
    expect(
      task.details.refusals.map((x: { openingId: number; reason: string; reasonKind: string | null }) => [
        x.openingId,
        x.reason,
        x.reasonKind,
      ]),
    ).toEqual([
      [first.id, '不想去', null],
      [second.id, '嫌工资低', 'other'],
      [opening.id, '不去', null],
    ]);
    for (const x of task.details.refusals) expect(x.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(task.details.refusals[0].title).toBe(first.title);
    expect(new Date(task.due_at).getTime()).toBeGreaterThan(Date.now());

    // A fourth refusal starts the next run: still one task. Nothing reduced the allowance.
    const fourth = await decline(r.id, { reason: '还是不想去' });
    expect(await tasksOf(h.householdId)).toHaveLength(1);
    const enrollment = await stack.db('enrollments').where({ id: h.enrollmentId }).first('amount_fen', 'status');
    expect(enrollment).toEqual({ amount_fen: '128000', status: 'active' });
    const decisions = (await caseworker.call('GET', `/api/referrals/${r.id}`)).body.decisions;
    expect(
      decisions
        .filter((d: { decision: string }) => d.decision === 'decline')
        .map((d: { details: object }) => d.details),
    ).toEqual([
      { openingId: first.id },
      { openingId: second.id, reasonKind: 'other' },
      { openingId: opening.id },
      { openingId: fourth.id },
    ]);
    await recordHistory(stack, `referral-${r.id}`, 'referral-refusal-review');
  });

  it('§45: a refusal with a valid reason is not counted (nor does it break the run); an accepted offer does', async () => {
    const h = await enrolledHousehold();
    const r = await seeker(h.spouseId, ['保洁']);
    await decline(r.id, { reason: '不想去' });
    await decline(r.id, { reason: '腰伤复发', reasonKind: 'health' });
    await decline(r.id, { reason: '要照顾住院的母亲', reasonKind: 'care_duty' });
    await decline(r.id, { reason: '夜班，孩子无人接送', reasonKind: 'unsuitable_offer' });
    await decline(r.id, { reason: '不想去' });
    expect(await tasksOf(h.householdId)).toEqual([]);
    // She accepts an interview and is not hired: the run is broken, two more do not make three.
    const opening = await createOpening(caseworker, { requiredSkills: ['保洁'] });
    await toInterview(caseworker, r.id, opening.id);
    expect((await step(caseworker, r.id, 'outcome', { hired: false, reason: '经验不足' })).status).toBe(200);
    await decline(r.id, { reason: '不想去' });
    await decline(r.id, { reason: '不想去' });
    expect(await tasksOf(h.householdId)).toEqual([]);
    await decline(r.id, { reason: '不想去' });
    expect(await tasksOf(h.householdId)).toHaveLength(1);
  });

  it('§45: a seeker who is not a member of a dibao household gets no review however often she refuses', async () => {
    const count = async () =>
      Number((await stack.db('casework_tasks').where({ kind: 'refusal_review' }).count())[0].count);
    const before = await count();
    const r = await seeker(idNumber('19820304', seq++), ['保洁']);
    for (let i = 0; i < 3; i++) await decline(r.id, { reason: '不想去' });
    expect(await count()).toBe(before);
    const declines = await stack.db('referral_events').where({ referral_id: r.id, decision: 'decline' }).count();
    expect(Number(declines[0].count)).toBe(3);
  });
});
