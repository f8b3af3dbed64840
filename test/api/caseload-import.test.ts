import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadCsv, type CaseloadColumn } from '../../domain/caseload-csv.js';
import { stateQuery } from '../../workflows/benefit-case-messages.js';
import { idNumber } from '../support/fixtures.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// Importing an existing caseload through the real API, PostgreSQL and Temporal: a clean file
// loads whole and every case's workflow runs at `enrolled`; a bad file loads nothing.

type Row = Partial<Record<CaseloadColumn, string | number | boolean>>;

const STANDARD = 89_000; // 2025-07-01, seeded by migration 005
const FLOOR = 3_000;
const communities = ['cd-01', 'cd-02', 'cx-01', 'cn-03', 'jtl-12'];

/** `n` households of 1–3 members; the expected amount worked out here, not by the code under test. */
function caseload(n: number, firstSeq: number) {
  const rows: Row[] = [];
  let expectedTotal = 0;
  let members = 0;
  for (let i = 0; i < n; i++) {
    const size = 1 + (i % 3);
    const incomes = Array.from({ length: size }, (_, m) =>
      m === 0 ? 60_000 + 1_237 * i : m === 1 ? 40_000 + 11 * i : 0,
    );
    const amount = Math.max(STANDARD * size - incomes.reduce((a, b) => a + b, 0), FLOOR * size);
    expectedTotal += amount;
    members += size;
    const household = {
      household_ref: `T${i + 1}`,
      community_code: communities[i % communities.length],
      address: `东进东路${i + 1}号`,
      category: 'ABC'[i % 3],
      bank_account: `62284801234567${String(10_000 + i)}`,
      enrolled_from: '2025-07-01',
      amount_fen: amount,
      next_recheck_on: i === 0 ? '2027-01-15' : '',
    };
    for (let m = 0; m < size; m++) {
      rows.push({
        ...household,
        name: ['周建国', '吴秀英', '周浩然'][m] + i,
        id_number: idNumber(['19580214', '19610905', '20120618'][m], firstSeq + i * 3 + m),
        relation: ['head', 'spouse', 'child'][m],
        disabled: m === 0 && i % 4 === 0,
        monthly_income_fen: incomes[m],
      });
    }
  }
  return { rows, csv: caseloadCsv(rows), expectedTotal, members };
}

describe('caseload import', () => {
  let stack: TestStack;
  let supervisor: ApiClient;
  const good = caseload(20, 100);
  let imported: number[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    supervisor = await login(stack, 'supervisor1');
  });
  afterAll(() => stack?.stop());

  const count = async (table: string) =>
    Number((await stack.db(table).count<{ count: string }[]>('* as count'))[0].count);

  it('a dry run checks the file and loads nothing', async () => {
    const res = await supervisor.call('POST', '/api/imports', { csv: good.csv, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ households: 20, members: good.members, errors: [] });
    expect(await count('households')).toBe(0);
  });

  it('a clean file loads whole, right to the fen, and every case runs at enrolled', async () => {
    const res = await supervisor.call('POST', '/api/imports', { csv: good.csv });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      households: 20,
      members: good.members,
      enrollments: 20,
      totalAmountFen: good.expectedTotal,
      workflowsStarted: 20,
    });
    imported = res.body.applicationIds;
    expect(imported).toHaveLength(20);

    const [{ sum: enrolled }] = await stack
      .db('enrollments')
      .whereIn('application_id', imported)
      .sum('amount_fen as sum');
    const [{ sum: terms }] = await stack.db('enrollment_terms').sum('amount_fen as sum');
    expect(Number(enrolled)).toBe(good.expectedTotal);
    expect(Number(terms)).toBe(good.expectedTotal);
    expect(await count('household_members')).toBe(good.members);
    expect(await stack.db('applications').whereIn('id', imported).distinct('stage').pluck('stage')).toEqual([
      'enrolled',
    ]);
    expect(
      await stack.db('enrollments').where({ status: 'active', recheck_due: false }).count('* as n').first(),
    ).toEqual({ n: '20' });
    const decisions = await stack
      .db('decisions')
      .whereIn('application_id', imported)
      .select('seq', 'from_stage', 'to_stage', 'decision', 'actor_name');
    expect(decisions).toHaveLength(20);
    expect(new Set(decisions.map((d) => JSON.stringify(d)))).toEqual(
      new Set([
        JSON.stringify({
          seq: 1,
          from_stage: null,
          to_stage: 'enrolled',
          decision: 'import',
          actor_name: 'supervisor1',
        }),
      ]),
    );
    expect(await stack.db('audit_events').where({ action: 'caseload.import' }).count('* as n').first()).toEqual({
      n: '1',
    });
    expect(await stack.db('audit_events').where({ action: 'application.import' }).count('* as n').first()).toEqual({
      n: '20',
    });

    // Re-checks: the date given in the file, else one interval of the category from now.
    const first = await stack
      .db('enrollments as e')
      .join('applications as a', 'a.id', 'e.application_id')
      .where('a.id', imported[0])
      .first('e.next_recheck_at');
    expect(first.next_recheck_at.toISOString()).toBe('2027-01-14T16:00:00.000Z'); // 2027-01-15 00:00 in Shanghai
    const second = await stack
      .db('enrollments')
      .where({ application_id: imported[1] })
      .first('next_recheck_at', 'category');
    expect(second.category).toBe('B');
    expect(Math.abs(second.next_recheck_at.getTime() - (Date.now() + 182 * 86_400_000))).toBeLessThan(120_000);

    // Each workflow is running and has adopted its case (its first activity marks the row).
    await waitFor('every imported workflow to load its case', async () => {
      const [{ n }] = await stack
        .db('applications')
        .whereIn('id', imported)
        .whereNull('workflow_started_at')
        .count('* as n');
      return Number(n) === 0;
    });
    for (const id of imported) {
      const handle = stack.temporal.workflow.getHandle(`benefit-${id}`);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    }
    const state = await stack.temporal.workflow.getHandle(`benefit-${imported[0]}`).query(stateQuery);
    expect(state.stage).toBe('enrolled');
    expect(state.enrollment).toMatchObject({
      status: 'active',
      amountFen: Number(
        (await stack.db('enrollments').where({ application_id: imported[0] }).first('amount_fen')).amount_fen,
      ),
    });
    expect(state.enrollment?.nextRecheckAt).toBe('2027-01-14T16:00:00.000Z');
  });

  it('one bad row (a wrong check digit) loads nothing, and the 400 names the row', async () => {
    const next = caseload(5, 500);
    const bad = next.rows.map((r) => ({ ...r }));
    const id = String(bad[3].id_number);
    bad[3].id_number = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const before = await count('households');
    const res = await supervisor.call('POST', '/api/imports', { csv: caseloadCsv(bad) });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('nothing was loaded');
    expect(res.body.errors).toEqual({ 'row 5 id_number': '身份证号校验位错误 (ID number check digit is wrong)' });
    expect(await count('households')).toBe(before);
    // The same file without the typo goes in.
    expect((await supervisor.call('POST', '/api/imports', { csv: next.csv, dryRun: true })).status).toBe(200);
  });

  it('refuses an ID number already in an active case, naming that case', async () => {
    const next = caseload(3, 800);
    next.rows[2].id_number = good.rows[0].id_number!; // the head of the first imported household
    const before = await count('household_members');
    const res = await supervisor.call('POST', '/api/imports', { csv: caseloadCsv(next.rows) });
    expect(res.status).toBe(400);
    expect(res.body.errors['row 4 id_number']).toContain(`active case ${imported[0]}`);
    expect(await count('household_members')).toBe(before);
  });

  it('refuses an unknown community code', async () => {
    const next = caseload(2, 900);
    const rows = next.rows.map((r) => (r.household_ref === 'T2' ? { ...r, community_code: 'cd' } : r));
    const res = await supervisor.call('POST', '/api/imports', {
      csv: caseloadCsv(rows.map((r) => (r.household_ref === 'T1' ? { ...r, community_code: 'zz-99' } : r))),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['row 2 community_code', 'row 3 community_code']);
    expect(res.body.errors['row 3 community_code']).toContain('not a community');
  });

  it('is for district roles only: a caseworker gets 403', async () => {
    const caseworker = await login(stack, 'caseworker1');
    const res = await caseworker.call('POST', '/api/imports', { csv: caseload(1, 950).csv });
    expect(res.status).toBe(403);
    expect(await count('households')).toBe(20);
  });

  it('takes files larger than the default body limit, up to 5 MB', async () => {
    const big = `${good.csv}${'\r\n'.repeat(600_000)}`; // blank lines: 2.4 MB of JSON, still the same 20 households
    const res = await supervisor.call('POST', '/api/imports', { csv: big, dryRun: true });
    expect(res.status).toBe(400); // all 20 are in active cases now: checked, not refused for size
    expect(Object.keys(res.body.errors)).toHaveLength(good.members);
    const tooBig = await supervisor.call('POST', '/api/imports', { csv: 'x'.repeat(6_000_000) });
    expect(tooBig.status).toBe(413);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await supervisor.call('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/imports'].post['x-roles']).toEqual(['supervisor', 'admin', 'district_approver']);
  });
});

describe('an imported case keeps its re-check timer', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // 60 policy days of 0.05 s: the re-check of a category C household comes due in 3 s.
    stack = await startTestStack({ env: { SHEQU_DAY_SECONDS: '0.05', SHEQU_RECHECK_DAYS: 'C=60' } });
  });
  afterAll(() => stack?.stop());

  it('opens the re-check when the interval of its category has passed', async () => {
    const supervisor = await login(stack, 'supervisor1');
    const file = caseload(3, 300); // categories A, B, C
    const res = await supervisor.call('POST', '/api/imports', {
      csv: caseloadCsv(file.rows.map((r) => ({ ...r, next_recheck_on: '' }))),
    });
    expect(res.status).toBe(201);
    const [a, , c] = res.body.applicationIds;
    await waitFor(
      'the C household to come due',
      async () => (await stack.db('applications').where({ id: c }).first('stage')).stage === 'recheck_due',
      30_000,
    );
    expect(await stack.db('enrollments').where({ application_id: c }).first('recheck_due')).toEqual({
      recheck_due: true,
    });
    expect((await stack.db('applications').where({ id: a }).first('stage')).stage).toBe('enrolled'); // A: a year of policy days
  });
});
