import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAllowance } from '../../domain/allowance.js';
import { firstOfNextMonth } from '../../domain/shanghai-date.js';
import { createCase, decide, detail, findings, waitStage } from '../support/benefit.js';
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { decryptPii } from '../../db/pii.js';

// The dibao case from application to enrollment through the API, with a real worker, the real
// Temporal dev server and PostgreSQL. A policy day lasts 0.2 s, so the 7-day notice takes 1.4 s.

describe('benefit case: the three-level review', () => {
  let stack: TestStack;
  let caseworker: ApiClient, reviewer: ApiClient, approver: ApiClient, supervisor: ApiClient;
  beforeAll(async () => {
    // Deadlines far away here: this file is about decisions, not lateness.
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '0.2',
        SHEQU_DEADLINE_DAYS:
          'verifying=1000,community_review=1000,street_review=1000,district_approval=1000,returned=1000',
      },
    });
    [caseworker, reviewer, approver, supervisor] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1', 'supervisor1'].map((u) => login(stack, u)),
    );
  });
  afterAll(() => stack.stop());

  it('goes from application to enrollment, the amount exactly the formula, every step in the timeline and the audit log', async () => {
    const created = await createCase(caseworker);
    const atReview = await waitStage(caseworker, created.id, 'community_review');
    // Declared: 500.00 + 0.00 for two people on the 890.00 standard → 1280.00.
    expect(atReview.calculation).toMatchObject({
      standardFen: 89000,
      members: 2,
      totalIncomeFen: 50000,
      amountFen: 128000,
      eligible: true,
    });
    expect(atReview.allowedActions).toEqual(expect.arrayContaining(['approve', 'reject', 'return', 'withdraw']));
    expect((await detail(reviewer, created.id)).allowedActions).not.toContain('approve');

    // The home visit finds the spouse earning 123.45 a month.
    const visit = findings(atReview, { 1: 12345 });
    const recommended = await decide(caseworker, created.id, {
      decision: 'approve',
      comment: '情况属实，建议纳入',
      findings: visit,
    });
    expect(recommended.status).toBe(200);
    expect(recommended.body.stage).toBe('public_notice');
    expect(recommended.body.homeVisit).toMatchObject({
      visitedOn: '2026-11-20',
      by: 'caseworker1',
      byName: '王芳（社区专干）',
    });
    const expected = computeAllowance({
      standard: { effectiveFrom: '2025-07-01', standardFen: 89000, floorPerPersonFen: 3000 },
      incomesFen: [50000, 12345],
    });
    expect(recommended.body.proposedAmountFen).toBe(expected.amountFen);
    expect(expected.amountFen).toBe(89000 * 2 - 62345);

    await waitStage(reviewer, created.id, 'street_review');
    const streetOk = await decide(reviewer, created.id, { decision: 'approve', comment: '街道审核通过' });
    expect(streetOk.body.stage).toBe('district_approval');
    const districtOk = await decide(approver, created.id, { decision: 'approve', comment: '同意' });
    expect(districtOk.status).toBe(200);
    expect(districtOk.body.stage).toBe('enrolled');

    const enrollment = await stack.db('enrollments').where({ application_id: created.id }).first();
    expect(Number(enrollment.amount_fen)).toBe(115655);
    expect(enrollment.status).toBe('active');
    expect(String(enrollment.effective_from)).toBe(firstOfNextMonth(new Date()));
    expect(enrollment.next_recheck_at).not.toBeNull();
    const term = await stack.db('enrollment_terms').where({ enrollment_id: enrollment.id }).first();
    expect(term.calculation).toMatchObject({
      amountFen: 115655,
      totalIncomeFen: 62345,
      members: 2,
      standardFen: 89000,
    });

    const timeline = (await detail(supervisor, created.id)).decisions.map(
      (d: { decision: string; toStage: string; actorRole: string | null }) => `${d.decision}→${d.toStage}`,
    );
    expect(timeline).toEqual([
      'submit→submitted',
      'received→verifying',
      'verified→community_review',
      'approve→public_notice',
      'notice_ended→street_review',
      'approve→district_approval',
      'approve→enrolled',
    ]);
    const audit = await stack
      .db('audit_events')
      .where({ entity_type: 'application', entity_id: String(created.id) })
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual([
      'application.submit',
      'application.received',
      'application.checked',
      'application.verified',
      'application.approve',
      'application.notice_ended',
      'application.approve',
      'application.approve',
    ]);

    const handle = stack.temporal.workflow.getHandle(`benefit-${created.id}`);
    const desc = await handle.describe();
    expect(desc.status.name).toBe('RUNNING'); // waits for its re-check
    expect(desc.searchAttributes.ShequStage).toEqual(['enrolled']);
    await recordHistory(stack, `benefit-${created.id}`, 'approved-and-enrolled');
  });

  it('two identical decisions at once give one transition and one 409', async () => {
    const c = await createCase(caseworker);
    const d = await waitStage(caseworker, c.id, 'community_review');
    const body = { decision: 'approve', comment: '建议纳入', findings: findings(d) };
    const [a, b] = await Promise.all([decide(caseworker, c.id, body), decide(caseworker, c.id, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const rows = await stack.db('decisions').where({ application_id: c.id, to_stage: 'public_notice' }).count();
    expect(Number(rows[0].count)).toBe(1);
    // Once decided, the same click again is a 409 too, not a second transition.
    expect((await decide(caseworker, c.id, body)).status).toBe(409);
  });

  it.each([
    ['community', 'community_review', 'caseworker'],
    ['street', 'street_review', 'reviewer'],
    ['district', 'district_approval', 'approver'],
  ] as const)('reject and return at the %s level', async (_level, stage, who) => {
    const actor = { caseworker, reviewer, approver }[who];
    const toStage = async () => {
      const c = await createCase(caseworker);
      const d = await waitStage(caseworker, c.id, 'community_review');
      if (stage !== 'community_review') {
        await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) });
        await waitStage(reviewer, c.id, 'street_review');
        if (stage === 'district_approval') await decide(reviewer, c.id, { decision: 'approve', comment: '' });
      }
      return c.id;
    };
    const [rejectId, returnId] = await Promise.all([toStage(), toStage()]);

    expect((await decide(actor, rejectId, { decision: 'reject', comment: '' })).status).toBe(400); // a reason is required
    const rejected = await decide(actor, rejectId, { decision: 'reject', comment: '家庭收入超过标准' });
    expect(rejected.body).toMatchObject({ stage: 'rejected', closedReason: '家庭收入超过标准' });
    expect(await stack.temporal.workflow.getHandle(`benefit-${rejectId}`).result()).toMatchObject({
      stage: 'rejected',
    });

    const returned = await decide(actor, returnId, { decision: 'return', comment: '请补充租房合同' });
    expect(returned.body.stage).toBe('returned');
    expect(returned.body.deadlineAt).not.toBeNull();
    expect(returned.body.allowedActions).toEqual(who === 'caseworker' ? ['resubmit', 'withdraw'] : []); // waits on the caseworker now
    const resubmitted = await decide(caseworker, returnId, { decision: 'resubmit', comment: '已补充' });
    expect(resubmitted.status).toBe(200);
    await waitStage(caseworker, returnId, 'community_review');
    await recordHistory(stack, `benefit-${rejectId}`, `rejected-at-${stage}`);
    await recordHistory(stack, `benefit-${returnId}`, `returned-at-${stage}`);
  });

  it('an objection during the notice sends the case back to verification, attached', async () => {
    const slow = await startTestStack({ env: { SHEQU_DAY_SECONDS: '5' } }); // a 35 s notice, long enough to object in
    try {
      const cw = await login(slow, 'caseworker1');
      const c = await createCase(cw);
      const d = await waitStage(cw, c.id, 'community_review');
      await decide(cw, c.id, { decision: 'approve', comment: '', findings: findings(d) });
      const empty = await cw.call('POST', `/api/applications/${c.id}/objections`, { objector: '', content: '' });
      expect(empty.status).toBe(400);
      expect(Object.keys(empty.body.errors)).toEqual(expect.arrayContaining(['objector', 'content']));
      const objected = await cw.call('POST', `/api/applications/${c.id}/objections`, {
        objector: '邻居王某',
        content: '申请人有一辆营运车辆',
      });
      expect(objected.status).toBe(200);
      expect(objected.body.objectionCount).toBe(1);
      const back = await waitStage(cw, c.id, 'community_review');
      expect(back.homeVisit).toBeNull(); // a new home visit is needed
      const objection = back.decisions.find((x: { decision: string }) => x.decision === 'object');
      expect(objection).toMatchObject({
        fromStage: 'public_notice',
        toStage: 'verifying',
        comment: '申请人有一辆营运车辆',
        details: { objector: '邻居王某' },
      });
      await recordHistory(slow, `benefit-${c.id}`, 'objection-during-notice');
    } finally {
      await slow.stop();
    }
  });

  it('a household whose income reaches the standard cannot be recommended', async () => {
    const c = await createCase(caseworker);
    const d = await waitStage(caseworker, c.id, 'community_review');
    const res = await decide(caseworker, c.id, {
      decision: 'approve',
      comment: '',
      findings: findings(d, { 0: 200000 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('findings');
    expect((await detail(caseworker, c.id)).stage).toBe('community_review');
  });

  it('eligibility after the home visit is judged with the standard in force when the approval is recorded, the one the amount uses', async () => {
    const c = await createCase(caseworker);
    const d = await waitStage(caseworker, c.id, 'community_review');
    expect(d.calculation).toMatchObject({ standardFen: 89000, eligible: true });
    // A new standard takes effect after verification: 200.00 a month, below the household's
    // 250.00 per person. The amount would be computed with it, so the refusal is too.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const [standard] = await stack
      .db('allowance_standards')
      .insert({ effective_from: today, standard_fen: 20000, floor_per_person_fen: 0, note: 'test' })
      .onConflict('effective_from')
      .merge()
      .returning('id');
    try {
      const refused = await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.errors).toHaveProperty('findings');
      expect(refused.body.message).toMatch(/不符合条件/);
      const after = await detail(caseworker, c.id);
      expect(after.stage).toBe('community_review');
      expect(await stack.db('decisions').where({ application_id: c.id, decision: 'approve' }).count()).toEqual([
        { count: '0' },
      ]);
    } finally {
      await stack.db('allowance_standards').where({ id: standard.id }).delete();
    }
    // Back on the 890.00 standard the same approval is recorded, with the amount on that standard.
    const ok = await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await detail(caseworker, c.id)).calculation).toMatchObject({ standardFen: 89000, eligible: true });
  });

  it('one ID number in two open cases blocks the second, naming the first; only a supervisor overrides, with a reason', async () => {
    const first = await createCase(caseworker);
    const body = await stack.db('household_members').where({ household_id: first.householdId }).orderBy('id');
    const second = await createCase(caseworker, 3, {
      members: [
        {
          name: body[0].name,
          idNumber: decryptPii(body[0].id_number_enc),
          relation: 'head',
          disabled: false,
          monthlyIncomeFen: 40000,
        },
      ],
    });
    const blocked = await waitStage(caseworker, second.id, 'verifying');
    await new Promise((r) => setTimeout(r, 1500));
    const d = await detail(caseworker, second.id);
    expect(d).toMatchObject({ stage: 'verifying', blocked: true });
    expect(d.duplicates[0]).toMatchObject({ applicationId: first.id, memberName: body[0].name });
    expect(d.duplicates[0].idNumberMasked).toMatch(/\*{11}/);
    expect(blocked.allowedActions).not.toContain('override_duplicate');
    expect(
      (await decide(caseworker, second.id, { decision: 'override_duplicate', comment: '核实为同名不同人' })).status,
    ).toBe(403);
    expect((await decide(supervisor, second.id, { decision: 'override_duplicate', comment: '' })).status).toBe(400);
    const overridden = await decide(supervisor, second.id, {
      decision: 'override_duplicate',
      comment: '原案件即将撤回，已电话核实',
    });
    expect(overridden.status).toBe(200);
    const moved = await waitStage(caseworker, second.id, 'community_review');
    expect(moved.duplicateOverride).toMatchObject({ by: 'supervisor1', reason: '原案件即将撤回，已电话核实' });
    await recordHistory(stack, `benefit-${second.id}`, 'duplicate-overridden');
  });

  it('a caseworker of another community gets 404 for the case and cannot act on it', async () => {
    const c = await createCase(caseworker);
    await waitStage(caseworker, c.id, 'community_review');
    const [other] = await stack
      .db('users')
      .insert({
        username: 'caseworker-x',
        display_name: '外社区专干',
        role: 'caseworker',
        org_unit_id: 4,
        password_hash: (await stack.db('users').where({ username: 'caseworker1' }).first()).password_hash,
      })
      .returning('id');
    expect(other).toBeDefined();
    const outsider = await login(stack, 'caseworker-x');
    expect((await outsider.call('GET', `/api/applications/${c.id}`)).status).toBe(404);
    expect((await decide(outsider, c.id, { decision: 'reject', comment: 'x' })).status).toBe(404);
    expect((await detail(caseworker, c.id)).stage).toBe('community_review');
  });
});
