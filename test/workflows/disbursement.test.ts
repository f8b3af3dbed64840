import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmount, parseBankFile, simulatedBankOutcome } from '../../domain/disbursement.js';
import { seedEnrollments, type SeededEnrollment } from '../support/enrollments.js';
import { recordHistory } from '../support/histories.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// A month paid end to end: the run builds one line per enrolled household, checks the bureau's
// invariants, waits for finance, writes and submits the bank file to the simulated bank (one
// line in five fails), reconciles, re-issues or carries the failures, and completes. The next
// month pays the carried lines as arrears.

const standard = { effectiveFrom: '2025-07-01', standardFen: 89000, floorPerPersonFen: 3000 };
const RATE = 0.2;

describe('monthly disbursement run', () => {
  let stack: TestStack;
  let finance: ApiClient, supervisor: ApiClient, caseworker: ApiClient;
  let active: SeededEnrollment[];
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_BANK_FAILURE_RATE: String(RATE),
        SHEQU_BANK_LATENCY_MS: '200',
        SHEQU_BANK_POLL_MS: '100',
        SHEQU_DISBURSEMENT_PAGE_SIZE: '10',
        SHEQU_DAY_SECONDS: '60',
      },
    });
    [finance, supervisor, caseworker] = await Promise.all(
      ['finance1', 'supervisor1', 'caseworker1'].map((u) => login(stack, u)),
    );
    active = await seedEnrollments(stack.db, [
      ...Array.from({ length: 40 }, (_, i) => ({
        communityId: 3 + (i % 5),
        members: 1 + (i % 4),
        incomeFen: 10000 * (i % 7),
      })),
      { account: null }, // no account on file: fails before the bank, must be resolved like a bank failure
    ]);
    // Not paid in 2027-01: suspended from then, terminated from then, enrolled only from 2027-02.
    await seedEnrollments(stack.db, [
      { terms: [{ from: '2027-01-01', status: 'suspended' }] },
      { terms: [{ from: '2027-01-01', status: 'terminated' }] },
      { from: '2027-02-01' },
    ]);
  });
  afterAll(() => stack.stop());

  const run = (id: number) => finance.call('GET', `/api/disbursement-runs/${id}`).then((r) => r.body);
  const waitPhase = (id: number, phase: string) =>
    waitFor(`run ${id} ${phase}`, async () => ((await run(id)).phase === phase ? run(id) : undefined));

  it('pays 2027-01 exactly once per enrolled household, to the fen, with sign-off, bank file, reconciliation, re-issue and arrears', async () => {
    const started = await finance.call('POST', '/api/disbursement-runs', { period: '2027-01' });
    expect(started.status).toBe(201);
    const again = await supervisor.call('POST', '/api/disbursement-runs', { period: '2027-01' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);
    const id = started.body.id;

    const waiting = await waitPhase(id, 'awaiting_signoff');
    // Both suspended/terminated households still have their 2026 lines… but not for 2027-01.
    const due = active.map((e) => lineAmount(standard, { members: e.members, totalIncomeFen: e.totalIncomeFen }));
    expect(waiting).toMatchObject({
      lines: active.length,
      totalFen: due.reduce((a, b) => a + b, 0),
      pagesDone: waiting.pagesTotal,
    });
    expect(waiting.checkReport).toMatchObject({
      ok: true,
      expectedLines: active.length,
      actualLines: active.length,
      differences: [],
    });
    expect(waiting.totalsByStreet.reduce((s: number, t: { amountFen: number }) => s + t.amountFen, 0)).toBe(
      waiting.totalFen,
    );
    expect(waiting.allowedActions).toEqual(['approve', 'reject']);
    expect((await caseworker.call('GET', `/api/disbursement-runs/${id}`)).status).toBe(403);
    expect((await supervisor.call('POST', `/api/disbursement-runs/${id}/approve`, {})).status).toBe(403);

    const [a1, a2] = await Promise.all([
      finance.call('POST', `/api/disbursement-runs/${id}/approve`, {}),
      finance.call('POST', `/api/disbursement-runs/${id}/approve`, {}),
    ]);
    expect([a1.status, a2.status].sort()).toEqual([200, 409]);

    const resolving = await waitPhase(id, 'resolving');
    const csv = await fetch(`${stack.baseUrl}/api/disbursement-runs/${id}/bank-file`, {
      headers: { authorization: `Bearer ${finance.token}` },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(csv.headers.get('x-checksum-sha256')).toMatch(/^[0-9a-f]{64}$/);
    const bankLines = parseBankFile(text);
    expect(bankLines).toHaveLength(active.length - 1); // the household without an account is not in the file
    expect(text.split('\r\n')[0]).toBe('line_id,account,name,amount_yuan');
    const expectedFailures = bankLines.filter((l) => !simulatedBankOutcome(l.lineId, l.account, RATE).ok).length;
    expect(resolving.linesFailed).toBe(expectedFailures + 1);

    const failed = (
      await finance.call(
        'GET',
        `/api/payments?filter=${encodeURIComponent(JSON.stringify({ runId: id, status: 'failed' }))}&range=[0,999]`,
      )
    ).body;
    expect(failed.length).toBe(expectedFailures + 1);
    expect(failed.map((p: { failureReason: string }) => p.failureReason)).toContain('no_account');

    // Re-issue the first to an account the (deterministic) bank accepts; carrying it too is refused.
    const [first, ...rest] = failed;
    const account = '6228480000000001'; // the bank may refuse the new line too: then the close carries it
    expect((await finance.call('POST', `/api/payments/${first.id}/reissue`, { account: '12' })).status).toBe(400);
    const reissued = await finance.call('POST', `/api/payments/${first.id}/reissue`, { account });
    expect(reissued.status).toBe(200);
    expect(reissued.body.status).toBe('reissued');
    expect((await finance.call('POST', `/api/payments/${first.id}/carry`, {})).status).toBe(409);
    if (rest.length)
      expect((await finance.call('POST', `/api/payments/${rest[0].id}/carry`, {})).body.status).toBe('carried');

    await waitFor('re-issued line answered', async () => {
      const lines = (
        await finance.call(
          'GET',
          `/api/payments?filter=${encodeURIComponent(JSON.stringify({ runId: id, kind: 'reissue' }))}`,
        )
      ).body;
      return lines.length === 1 && lines[0].status !== 'submitted' && lines[0].status !== 'pending' ? lines : undefined;
    });
    const closed = await finance.call('POST', `/api/disbursement-runs/${id}/close`, {});
    expect(closed.status).toBe(200);
    const done = await waitPhase(id, 'completed');
    const byStatus = Object.fromEntries(
      (done.report.lines as { status: string; kind: string; lines: number }[]).map((l) => [
        `${l.kind}:${l.status}`,
        l.lines,
      ]),
    );
    expect(byStatus['regular:reissued']).toBe(1);
    expect((byStatus['regular:paid'] ?? 0) + (byStatus['regular:carried'] ?? 0) + 1).toBe(active.length);

    // Every regular line ended paid, re-issued or carried; the month's money adds up.
    const lines = await stack.db('payments').where({ run_id: id, kind: 'regular' });
    expect(new Set(lines.map((l) => l.enrollment_id)).size).toBe(lines.length);
    expect(lines.every((l) => ['paid', 'reissued', 'carried'].includes(l.status))).toBe(true);

    // Next month: the carried lines come back once, as arrears.
    // Carried: regular lines and any re-issued line the bank refused again before the close.
    const carried = Number((await stack.db('payments').where({ run_id: id, status: 'carried' }).count())[0].count);
    const next = await finance.call('POST', '/api/disbursement-runs', { period: '2027-02' });
    const nextRun = await waitPhase(next.body.id, 'awaiting_signoff');
    const arrears = await stack.db('payments').where({ run_id: next.body.id, kind: 'arrears' });
    expect(arrears).toHaveLength(carried);
    expect(nextRun.lines).toBe(active.length + 1 + carried); // + the household enrolled from 2027-02
    const rejected = await finance.call('POST', `/api/disbursement-runs/${next.body.id}/reject`, {
      reason: '标准调整，重新计算',
    });
    expect(rejected.body.phase).toBe('rejected');
    expect(
      await stack
        .db('payments')
        .where({ run_id: next.body.id })
        .whereNot({ status: 'cancelled' })
        .count()
        .then((r) => Number(r[0].count)),
    ).toBe(0);
    await recordHistory(
      stack,
      `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-01`,
      'disbursement-reissued-carried-closed',
    );
    await recordHistory(stack, `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-02`, 'disbursement-rejected');
  });

  it('a run whose lines disagree with the enrollments stops for a supervisor, naming the difference', async () => {
    // A line written by something other than the run (a bad migration, a hand edit) with a wrong amount.
    const [e] = await seedEnrollments(stack.db, [{ from: '2027-01-01' }]);
    const [runRow] = await stack
      .db('disbursement_runs')
      .insert({
        period: '2027-03',
        cutoff_date: '2027-03-01',
        workflow_id: `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-03`,
        trigger: 'manual',
      })
      .returning('id');
    const h = await stack.db('households').where({ id: e.householdId }).first();
    const c = await stack.db('org_units').where({ id: h.community_id }).first('parent_id');
    await stack.db('payments').insert({
      run_id: runRow.id,
      period: '2027-03',
      enrollment_id: e.enrollmentId,
      household_id: e.householdId,
      community_id: h.community_id,
      street_id: c.parent_id,
      kind: 'regular',
      amount_fen: 1,
      standard_fen: 89000,
      floor_per_person_fen: 3000,
      total_income_fen: 40000,
      members: 2,
      account_enc: h.bank_account_enc,
      account_masked: h.bank_account_masked,
      account_name: h.head_name,
    });

    const started = await finance.call('POST', '/api/disbursement-runs', { period: '2027-03' });
    const stopped = await waitPhase(started.body.id, 'stopped');
    expect(stopped.checkReport.ok).toBe(false);
    expect(stopped.checkReport.differences).toEqual([
      {
        enrollmentId: e.enrollmentId,
        expectedFen: lineAmount(standard, { members: 2, totalIncomeFen: 40000 }),
        actualFen: 1,
        lines: 1,
      },
    ]);
    expect(stopped.allowedActions).toEqual([]);
    expect((await supervisor.call('GET', `/api/disbursement-runs/${started.body.id}`)).body.allowedActions).toEqual([
      'recheck',
    ]);

    await stack
      .db('payments')
      .where({ run_id: runRow.id, enrollment_id: e.enrollmentId })
      .update({ amount_fen: lineAmount(standard, { members: 2, totalIncomeFen: 40000 }) });
    expect(
      (await supervisor.call('POST', `/api/disbursement-runs/${started.body.id}/recheck`, { reason: '已更正错误明细' }))
        .status,
    ).toBe(200);
    await waitPhase(started.body.id, 'awaiting_signoff');
    await recordHistory(
      stack,
      `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-03`,
      'disbursement-stopped-rechecked',
    );
  });
});
