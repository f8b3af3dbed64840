import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCases } from '../../api/temporal/benefit-start.js';
import { benefitPolicy } from '../../config/benefit-policy.js';
import { seedDemoCaseload, type DemoCaseloadResult } from '../../db/seeds/demo-caseload.js';
import { isValidIdNumber } from '../../domain/id-number.js';
import { startTestStack, waitFor, type TestStack } from '../support/stack.js';
import { decryptPii } from '../../db/pii.js';

// The launcher's demo district: the source document's caseload loaded through the import,
// plus applications at every stage whose workflows adopt the stage they find.

describe('demo caseload seed', () => {
  let stack: TestStack;
  let result: DemoCaseloadResult;
  const now = new Date();

  beforeAll(async () => {
    stack = await startTestStack();
    result = await seedDemoCaseload(stack.db, { now, policy: benefitPolicy(stack.env) });
  });
  afterAll(() => stack?.stop());

  it('loads a district like the source document, once', async () => {
    expect(result).toMatchObject({ loaded: true, households: 1313, members: 2802, applications: 40 });
    if (!result.loaded) return;
    const avg = result.totalAmountFen / result.households;
    expect(avg).toBeGreaterThan(11_000);
    expect(avg).toBeLessThan(12_500); // ≈ ¥117 per household a month
    expect(await seedDemoCaseload(stack.db, { now, policy: benefitPolicy(stack.env) })).toEqual({
      loaded: false,
      enrollments: 1313,
    });

    const byCategory = await stack
      .db('enrollments')
      .groupBy('category')
      .select('category', stack.db.raw('count(*)::int AS n'));
    const share = Object.fromEntries(byCategory.map((r) => [r.category, r.n / 1313]));
    expect(share.A).toBeGreaterThan(0.25);
    expect(share.B).toBeGreaterThan(0.25);
    expect(share.C).toBeGreaterThan(0.35);
    const [{ n: communities }] = await stack.db('enrollments').countDistinct('community_id as n');
    expect(Number(communities)).toBe(76);

    const ids = (await stack.db('household_members').pluck('id_number_enc')).map(decryptPii);
    expect(ids.every(isValidIdNumber)).toBe(true);
    expect(ids.every((id: string) => id.startsWith('321202'))).toBe(true);
    const enrolledIds = await stack
      .db('household_members as m')
      .join('enrollments as e', 'e.household_id', 'm.household_id')
      .pluck('m.id_number_hash');
    expect(enrolledIds).toHaveLength(2802);
    expect(new Set(enrolledIds).size).toBe(2802);
    expect(new Set(ids).size).toBe(ids.length - 2); // the two applicants still on their parents' case
    const accounts = (await stack.db('households').pluck('bank_account_enc')).map(decryptPii);
    expect(accounts.every((a: string) => /^\d{12,19}$/.test(a))).toBe(true);

    // Re-checks spread over the interval rather than all due on one day.
    const [{ earliest, latest }] = await stack
      .db('enrollments')
      .where({ category: 'C' })
      .select(stack.db.raw('min(next_recheck_at) AS earliest, max(next_recheck_at) AS latest'));
    expect(latest.getTime() - earliest.getTime()).toBeGreaterThan(60 * 86_400_000);
  });

  it('has applications at every stage, with a timeline numbered 1..n', async () => {
    const stages = await stack
      .db('applications')
      .whereNot('stage', 'enrolled')
      .groupBy('stage')
      .select('stage', stack.db.raw('count(*)::int AS n'));
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.n]))).toEqual({
      submitted: 4,
      verifying: 5,
      community_review: 6,
      public_notice: 5,
      street_review: 5,
      district_approval: 5,
      returned: 4,
      rejected: 3,
      withdrawn: 3,
    });
    const [{ maxInFlight }] = await stack.db('applications').whereNot('stage', 'enrolled').max('id as maxInFlight');
    const [{ minEnrolled }] = await stack.db('applications').where('stage', 'enrolled').min('id as minEnrolled');
    expect(maxInFlight).toBeLessThan(minEnrolled); // the start-up sweep reaches the working queue first
    const gaps = await stack
      .db('decisions')
      .groupBy('application_id')
      .havingRaw('max(seq) <> count(*)')
      .select('application_id');
    expect(gaps).toEqual([]);
    const [{ n: overdue }] = await stack
      .db('applications')
      .where({ overdue: true })
      .where('deadline_at', '<', now)
      .count('* as n');
    expect(Number(overdue)).toBe(3);
    const notice = await stack.db('applications').where({ stage: 'public_notice' }).select('deadline_at');
    expect(notice.every((a) => a.deadline_at > now)).toBe(true);
    expect(await stack.db('applications').whereNotNull('workflow_started_at').first('id')).toBeUndefined();
    // A queue of caseworker tasks on enrolled households, one past due, in three communities.
    const tasks = await stack
      .db('casework_tasks as t')
      .join('org_units as c', 'c.id', 't.community_id')
      .orderBy('t.id')
      .select('c.code', 't.status', stack.db.raw('t.due_at < ? as overdue', [now]));
    expect(tasks.map((t) => [t.code, t.status, t.overdue])).toEqual([
      ['cd-01', 'open', true],
      ['cd-01', 'open', false],
      ['cd-02', 'open', false],
      ['cx-01', 'open', false],
    ]);
  });

  it('their workflows adopt the stage they find', async () => {
    const rows = await stack
      .db('applications as a')
      .join('org_units as c', 'c.id', 'a.community_id')
      .join('org_units as s', 's.id', 'a.street_id')
      .whereNot('a.stage', 'enrolled')
      .orWhereIn('a.id', stack.db('applications').where({ stage: 'enrolled' }).orderBy('id').limit(3).select('id'))
      .select('a.id', 'a.workflow_id', 'a.stage', 'c.code as community_code', 's.code as street_code');
    const report = await startCases(
      stack.temporal,
      stack.env,
      rows.map((r) => ({
        id: r.id,
        workflowId: r.workflow_id,
        stage: r.stage,
        streetCode: r.street_code,
        communityCode: r.community_code,
      })),
    );
    expect(report).toEqual({ started: 43, failed: [] });
    await waitFor('workflows to load their cases', async () => {
      const [{ n }] = await stack
        .db('applications')
        .whereIn(
          'id',
          rows.map((r) => r.id),
        )
        .whereNull('workflow_started_at')
        .count('* as n');
      return Number(n) === 0;
    });
    // New and resubmitted cases are verified on start; the two whose member is still on an
    // enrolled household's case stay blocked at verifying, naming that case.
    await waitFor('verification of the new cases', async () => {
      const [{ n }] = await stack
        .db('applications')
        .whereIn('stage', ['submitted', 'verifying'])
        .whereNull('duplicates')
        .count('* as n');
      return Number(n) === 0;
    });
    const stages = await stack
      .db('applications')
      .whereNot('stage', 'enrolled')
      .groupBy('stage')
      .select('stage', stack.db.raw('count(*)::int AS n'));
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.n]))).toMatchObject({
      verifying: 2,
      community_review: 13,
      public_notice: 5,
      street_review: 5,
      district_approval: 5,
      returned: 4,
    });
    const blocked = await stack.db('applications').where({ stage: 'verifying' }).pluck('duplicates');
    expect(blocked.every((d) => Array.isArray(d) && d.length === 1)).toBe(true);
    const [{ n: overdue }] = await stack.db('applications').where({ overdue: true }).count('* as n');
    expect(Number(overdue)).toBe(3);
  });
});
