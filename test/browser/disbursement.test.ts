import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDisbursementSchedule } from '../../api/temporal/disbursements.js';
import { lineAmount, simulatedBankOutcome } from '../../domain/disbursement.js';
import { seedEnrollments, type SeededEnrollment } from '../support/enrollments.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { login, startTestStack, waitFor, type TestStack } from '../support/stack.js';

// A month paid through the console, in Chromium: finance1 starts the 2027-01 run and watches it
// build (progress bar), reads the totals per street (table and chart), signs off, downloads the
// bank file, reads the failed lines and their reasons (three in ten fail at the simulated bank,
// and one household has no account), re-issues one to a corrected account, carries another,
// closes the run (the rest are carried) and sees it completed; the payments list filters by
// month, street and status. Then the schedule page (next run time, pause / resume with a note),
// a rejection with a reason, and a supervisor's re-check of a run stopped by the invariant check.

const SHOTS = 'test-results';
const RATE = 0.3;
const PERIOD = '2027-01';
const standard = { effectiveFrom: '2025-07-01', standardFen: 89000, floorPerPersonFen: 3000 };
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

describe('monthly disbursement in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  let households: (SeededEnrollment & { streetId: number })[] = [];
  let streets: { id: number; name: string }[] = [];
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[disbursement browser test] ${what} after ${Date.now() - t0} ms`);
  const scheduleId = () => stack.env.SHEQU_DISBURSEMENT_SCHEDULE_ID;

  beforeAll(async () => {
    stack = await startTestStack({
      serveConsole: true,
      env: {
        SHEQU_BANK_FAILURE_RATE: String(RATE),
        SHEQU_BANK_LATENCY_MS: '200',
        SHEQU_BANK_POLL_MS: '100',
        // The smallest page the config allows, one page at a time: 30 households make 3 pages,
        // so the progress bar has steps to show.
        SHEQU_DISBURSEMENT_PAGE_SIZE: '10',
        SHEQU_DISBURSEMENT_PARALLEL_PAGES: '1',
      },
    });
    // api/server.ts creates the Schedule at start-up; the test stack does not run it (its id is
    // per test file, so files sharing the Temporal namespace never meet).
    await ensureDisbursementSchedule(stack.temporal, stack.env);

    // One community in each of four streets; 29 households with an account, one without.
    const communities = await stack
      .db('org_units as c')
      .join('org_units as s', 's.id', 'c.parent_id')
      .where('c.kind', 'community')
      .where('s.kind', 'street')
      .orderBy('c.id')
      .select('c.id', 'c.parent_id as streetId', 's.name as streetName');
    const firstPerStreet = new Map<number, { id: number; streetId: number; streetName: string }>();
    for (const c of communities) if (!firstPerStreet.has(c.streetId)) firstPerStreet.set(c.streetId, c);
    const picked = [...firstPerStreet.values()].slice(0, 4);
    expect(picked).toHaveLength(4);
    streets = picked.map((c) => ({ id: c.streetId, name: c.streetName }));
    const rows = Array.from({ length: 30 }, (_, i) => ({
      communityId: picked[i % 4].id,
      members: 1 + (i % 4),
      incomeFen: 10000 * (i % 6),
      ...(i === 29 ? { account: null } : {}),
    }));
    const seeded = await seedEnrollments(stack.db, rows);
    households = seeded.map((e, i) => ({ ...e, streetId: picked[i % 4].streetId }));

    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.temporal.schedule
      .getHandle(scheduleId())
      .delete()
      .catch(() => undefined);
    await stack?.stop();
  });

  const signIn = (username: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    signInAs(browser, stack, username, {
      locale,
      menuShows: locale === 'en' ? 'Dibao applications' : '低保申请',
      acceptDownloads: true,
      onPageError: mark,
    });

  const dialog = (page: Page) => page.getByRole('dialog');
  const text = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .innerText()
      .catch(() => '');
  const header = (page: Page) => text(page, '.shequ-run-header');
  const phase = (page: Page) =>
    page
      .locator('.shequ-run-header .shequ-phase')
      .first()
      .getAttribute('data-phase')
      .catch(() => null);
  const toasts = (page: Page) =>
    page
      .locator('.MuiSnackbar-root')
      .allInnerTexts()
      .then((t) => t.join(' '));
  const failedRows = (page: Page) => page.locator('.shequ-failed-table tbody tr');

  /** The id the next payment line will get (the re-issue's), to pick an account the simulated bank pays. */
  async function nextPaymentId(): Promise<number> {
    const { rows } = await stack.db.raw('SELECT last_value, is_called FROM payments_id_seq');
    return Number(rows[0].last_value) + (rows[0].is_called ? 1 : 0);
  }
  function acceptedAccount(lineId: number, salt: number): string {
    for (let n = salt; ; n++) {
      const account = `6228480${String(n).padStart(11, '0')}`;
      if (simulatedBankOutcome(lineId, account, RATE).ok) return account;
    }
  }

  it('finance1 starts, signs off, downloads, re-issues, carries and closes a month', { timeout: 300_000 }, async () => {
    const fin = await signIn('finance1');
    const menu = await fin.locator('[class*="RaMenu"]').first().innerText();
    for (const entry of ['发放批次', '发放明细', '自动发放计划']) expect(menu).toContain(entry);

    // ── the runs list: the schedule's next time above it; start 2027-01 ─────────────────────
    await fin.getByRole('menuitem', { name: /发放批次/ }).click();
    await expect
      .poll(() => text(fin, '.shequ-schedule-summary'), { timeout: 20_000 })
      .toMatch(/下次自动发放：\d{4}-\d{2}-\d{2} 09:00/);
    await fin.locator('[data-action="start-run"]').click();
    await fin.locator('input[name="period"]').fill(PERIOD);
    await dialog(fin).getByRole('button', { name: '发起' }).click();
    await fin.waitForURL(/#\/disbursement-runs\/\d+\/show/, { timeout: 30_000 });
    const runId = Number(/disbursement-runs\/(\d+)\/show/.exec(fin.url())![1]);
    mark(`run #${runId} started`);

    // The page looks again by itself while the run builds: the progress bar fills, page by page.
    const seen = new Set<string>();
    await waitFor(
      'awaiting sign-off',
      async () => {
        const p = await fin
          .locator('.shequ-run-header .shequ-run-progress')
          .first()
          .getAttribute('data-progress')
          .catch(() => null);
        if (p !== null) seen.add(`${await phase(fin)}:${p}`);
        return (await phase(fin)) === 'awaiting_signoff';
      },
      60_000,
    );
    mark(`awaiting sign-off; progress seen: ${[...seen].join(' ')}`);
    expect(await header(fin)).toContain('待财务审核');
    expect(await header(fin)).toContain('第 3/3 页'); // 30 households, 10 per page
    expect(await fin.locator('.shequ-run-header .shequ-run-progress').getAttribute('data-progress')).toBe('1');

    // Finance is told: the bell holds the notice, and the home page lists the run with its deadline.
    expect(
      await stack.db('notifications').where({ kind: 'signoff_waiting', audience_role: 'finance' }).first(),
    ).toMatchObject({
      message: expect.stringContaining('2027-01 发放批次已核对无误，待财务审核'),
    });
    await fin.goto(`${stack.baseUrl}/#/`);
    await expect
      .poll(() => fin.locator('.shequ-finance-runs').innerText(), { timeout: 20_000 })
      .toContain('2027-01 待审核');
    expect(await fin.locator('.shequ-finance-runs').innerText()).toContain('截止');
    await fin.goto(`${stack.baseUrl}/#/disbursement-runs/${runId}/show`);
    await expect.poll(() => header(fin), { timeout: 20_000 }).toContain('待财务审核');

    // ── totals per street: table (to the fen) and chart; the check passed ─────────────────────
    const due = households.map((h) => lineAmount(standard, { members: h.members, totalIncomeFen: h.totalIncomeFen }));
    const totalFen = due.reduce((a, b) => a + b, 0);
    expect(await header(fin)).toContain(yuan(totalFen));
    for (const s of streets) {
      const fen = households.reduce((sum, h, i) => sum + (h.streetId === s.id ? due[i] : 0), 0);
      const row = await fin.locator(`.shequ-street-table tr[data-street-id="${s.id}"]`).innerText();
      expect(row).toContain(s.name);
      expect(row).toContain(yuan(fen));
    }
    expect(await text(fin, '.shequ-street-table tfoot')).toContain(yuan(totalFen));
    await expect
      .poll(() => fin.locator('.shequ-street-chart .recharts-bar-rectangle').count(), { timeout: 20_000 })
      .toBe(streets.length);
    expect(await text(fin, '.shequ-check-report')).toContain('核对通过');
    await fin.screenshot({ path: `${SHOTS}/disbursement-1-awaiting-signoff.png`, fullPage: true });

    // ── sign-off (asked once more), then the bank: failed lines with their reasons ─────────────
    expect(await fin.locator('[data-action="reject"]').count()).toBe(1);
    await fin.locator('[data-action="approve"]').click();
    await expect.poll(() => dialog(fin).innerText()).toContain('30 条');
    await dialog(fin).getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => phase(fin), { timeout: 60_000 }).toBe('resolving');
    mark('bank answered; resolving');
    const signer = await stack.db('users').where({ username: 'finance1' }).first('display_name');
    expect(await header(fin)).toContain(`${signer.display_name} · `);

    // The bank file, fetched with the token and saved by the browser; its checksum is the stored one.
    await expect.poll(() => fin.locator('.shequ-bank-files tr[data-seq="1"]').count(), { timeout: 20_000 }).toBe(1);
    const [download] = await Promise.all([
      fin.waitForEvent('download'),
      fin.locator('.shequ-run-actions [data-action="download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`shequ-${PERIOD}-1.csv`);
    const saved = `${SHOTS}/disbursement-bank-file-${PERIOD}.csv`;
    await download.saveAs(saved);
    const csv = readFileSync(saved);
    const file = await stack.db('bank_files').where({ run_id: runId, seq: 1 }).first('sha256', 'lines');
    expect(createHash('sha256').update(csv).digest('hex')).toBe(file.sha256);
    expect(csv.toString('utf8').split('\r\n')[0]).toBe('line_id,account,name,amount_yuan');
    expect(file.lines).toBe(29); // the household without an account is not in the file
    await expect.poll(() => toasts(fin)).toContain('校验一致');

    await expect.poll(() => failedRows(fin).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const failedText = await text(fin, '.shequ-failed-table');
    expect(failedText).toContain('未登记银行账号');
    expect(failedText).toMatch(/账户已销户|户名不符/);
    const failedBefore = await failedRows(fin).count();
    expect(failedBefore).toBe(
      await stack
        .db('payments')
        .where({ run_id: runId, status: 'failed' })
        .count()
        .then((r) => Number(r[0].count)),
    );
    await fin.screenshot({ path: `${SHOTS}/disbursement-2-failed-lines.png`, fullPage: true });

    // ── re-issue the household without an account to a corrected one ──────────────────────────
    // The bank's answer depends on the new line's id; pick an account it pays, and should the
    // guess of the id be wrong and the re-issue fail too, re-issue that line again.
    let target = fin.locator('.shequ-failed-table tbody tr[data-reason="no_account"]');
    let paid = false;
    for (let attempt = 0; attempt < 4 && !paid; attempt++) {
      const failedId = Number(await target.getAttribute('data-payment-id'));
      await target.locator('[data-action="reissue"]').click();
      await dialog(fin).locator('input[name="account"]').fill('12');
      await dialog(fin).locator('input[name="accountName"]').click();
      await expect.poll(() => dialog(fin).innerText()).toContain('银行账号应为12–30位数字');
      expect(await dialog(fin).getByRole('button', { name: '重新发放' }).isDisabled()).toBe(true);
      await dialog(fin)
        .locator('input[name="account"]')
        .fill(acceptedAccount(await nextPaymentId(), attempt * 1000));
      if (attempt === 0) await fin.screenshot({ path: `${SHOTS}/disbursement-3-reissue.png`, fullPage: true });
      await dialog(fin).getByRole('button', { name: '重新发放' }).click();
      const reissue = fin.locator(`.shequ-reissue-table tr[data-reissue-of="${failedId}"]`);
      await expect
        .poll(() => reissue.getAttribute('data-status').catch(() => null), { timeout: 30_000 })
        .toMatch(/^(paid|failed)$/);
      paid = (await reissue.getAttribute('data-status')) === 'paid';
      mark(`re-issue of #${failedId}: ${paid ? 'paid' : 'failed again'}`);
      if (!paid)
        target = fin.locator(
          `.shequ-failed-table tbody tr[data-payment-id="${await reissue.getAttribute('data-payment-id')}"]`,
        );
    }
    expect(paid).toBe(true);
    expect(await text(fin, '.shequ-reissue-table')).toContain('已到账');

    // ── carry one bank failure to next month (asked once more) ──────────────────────────────
    const carried = fin.locator('.shequ-failed-table tbody tr').first();
    const carriedId = Number(await carried.getAttribute('data-payment-id'));
    await carried.locator('[data-action="carry"]').click();
    await expect.poll(() => dialog(fin).innerText()).toContain('下月发放批次中作为补发');
    await dialog(fin).getByRole('button', { name: '转入下月补发' }).click();
    await expect
      .poll(async () => (await stack.db('payments').where({ id: carriedId }).first('status')).status, {
        timeout: 20_000,
      })
      .toBe('carried');
    await expect
      .poll(() => fin.locator(`.shequ-failed-table tr[data-payment-id="${carriedId}"]`).count(), { timeout: 20_000 })
      .toBe(0);
    mark(`line #${carriedId} carried`);

    // ── close: every line still failed is carried, and the run completes ─────────────────────
    const open = await failedRows(fin).count();
    if (open > 0) {
      await fin.locator('[data-action="close"]').click();
      await expect.poll(() => dialog(fin).innerText()).toContain(`${open} 条失败明细`);
      await fin.screenshot({ path: `${SHOTS}/disbursement-4-close-confirm.png`, fullPage: true });
      await dialog(fin).getByRole('button', { name: '结束发放' }).click();
    }
    await expect.poll(() => phase(fin), { timeout: 60_000 }).toBe('completed');
    await expect.poll(() => text(fin, '.shequ-run-report'), { timeout: 20_000 }).toContain('全部明细已办结');
    const report = await text(fin, '.shequ-run-report');
    expect(report).toContain('已重新发放');
    expect(report).toContain('已转下月补发');
    expect(await fin.locator('.shequ-run-actions [data-action="close"]').count()).toBe(0);
    const lines = await stack.db('payments').where({ run_id: runId, kind: 'regular' });
    expect(lines).toHaveLength(30);
    expect(lines.every((l) => ['paid', 'reissued', 'carried'].includes(l.status))).toBe(true);
    await fin.screenshot({ path: `${SHOTS}/disbursement-5-completed.png`, fullPage: true });
    mark('completed');

    // ── the runs list: completed, bar full ─────────────────────────────────────────────────
    await fin.getByRole('menuitem', { name: /发放批次/ }).click();
    await fin.waitForURL(/#\/disbursement-runs$/);
    // (The list may first show what it had cached, the run as it was when started; it looks again by itself.)
    await expect.poll(() => text(fin, '.RaDatagrid-tbody'), { timeout: 20_000 }).toContain('已完成');
    expect(await text(fin, '.RaDatagrid-tbody')).toContain(PERIOD);
    expect(await text(fin, '.RaDatagrid-tbody')).toContain('100%');
    await fin.screenshot({ path: `${SHOTS}/disbursement-6-runs.png`, fullPage: true });

    // A second start for the same month opens the run it has.
    await fin.locator('[data-action="start-run"]').click();
    await fin.locator('input[name="period"]').fill(PERIOD);
    await dialog(fin).getByRole('button', { name: '发起' }).click();
    await fin.waitForURL(new RegExp(`#/disbursement-runs/${runId}/show`), { timeout: 20_000 });
    await expect.poll(() => toasts(fin)).toContain('已有发放批次');

    // ── payments: filter by month, status and street ─────────────────────────────────────────
    await fin.getByRole('menuitem', { name: /发放明细/ }).click();
    await fin.waitForURL(/#\/payments/);
    await expect.poll(() => text(fin, '.RaDatagrid-tbody'), { timeout: 20_000 }).toContain(PERIOD);
    await fin.locator('input[name="period"]').fill(PERIOD);
    await fin.waitForURL(/period/); // the typed filter is applied (debounced) before the next click
    await fin.locator('[data-filter="status-carried"]').click();
    const rows = fin.locator('.RaDatagrid-tbody tr');
    const carriedCount = lines.filter((l) => l.status === 'carried').length;
    await fin.waitForURL(/carried/);
    // Both filters in the URL; then every row on screen is carried and the total is the DB's.
    // The list shows 10 rows a page, so the total is read from the pagination, not by counting
    // rows (counting rows was why the count once looked one short: 10 shown of 11).
    const carriedOnScreen = async () => {
      const texts = await rows.allInnerTexts();
      const total = (await text(fin, '.MuiTablePagination-displayedRows')).match(/共\s*(\d+)\s*条/)?.[1];
      return texts.length > 0 && texts.every((t) => t.includes('已转下月补发')) ? Number(total) : -1;
    };
    await expect.poll(carriedOnScreen, { timeout: 30_000 }).toBe(carriedCount);
    expect(await rows.count()).toBe(Math.min(carriedCount, 10));
    await expect.poll(() => fin.locator('input[name="status"]').inputValue()).toBe('carried'); // the status picker follows the sidebar
    await fin.screenshot({ path: `${SHOTS}/disbursement-7-payments-carried.png`, fullPage: true });
    // The street, picked by name; status cleared in the sidebar.
    const street = streets[0];
    await fin.locator('[data-filter="status-carried"]').click();
    await expect.poll(() => fin.locator('input[name="status"]').inputValue()).toBe('');
    await fin.locator('input[name="streetId"]').fill(street.name.slice(0, 2));
    await fin.getByRole('option', { name: street.name }).click();
    await expect
      .poll(async () => (await rows.allInnerTexts()).length, { timeout: 20_000 })
      .toBe(
        await stack
          .db('payments')
          .where({ run_id: runId, street_id: street.id })
          .count()
          .then((r) => Number(r[0].count)),
      );
    expect((await rows.allInnerTexts()).every((r) => r.includes(street.name))).toBe(true);
    // One line: how its amount was derived.
    await rows.first().click();
    await expect.poll(() => text(fin, '.shequ-payment-derivation'), { timeout: 20_000 }).toContain('¥890.00');
    expect(await text(fin, '.shequ-payment-derivation')).toMatch(/max\(.*\) = ¥/);
  });

  it(
    'the schedule page shows the next run time; a supervisor pauses and resumes it with a note',
    { timeout: 120_000 },
    async () => {
      const sv = await signIn('supervisor1');
      mark('supervisor1 signed in');
      await sv.getByRole('menuitem', { name: /自动发放计划/ }).click();
      await expect.poll(() => text(sv, '.shequ-schedule-next'), { timeout: 20_000 }).toMatch(/^\d{4}-\d{2}-05 09:00$/);
      expect(await text(sv, '.shequ-schedule')).toContain('每月5日 09:00');
      expect(await text(sv, '.shequ-schedule-state')).toBe('运行中');
      await sv.locator('[data-action="pause"]').click();
      expect(await dialog(sv).getByRole('button', { name: '暂停' }).isDisabled()).toBe(true); // a note is required
      await dialog(sv).locator('textarea[name="note"]').fill('春节期间暂停，节后手动发起');
      await dialog(sv).getByRole('button', { name: '暂停' }).click();
      await expect.poll(() => text(sv, '.shequ-schedule-state'), { timeout: 20_000 }).toBe('已暂停');
      expect(await text(sv, '.shequ-schedule')).toContain('春节期间暂停');
      expect((await stack.temporal.schedule.getHandle(scheduleId()).describe()).state.paused).toBe(true);
      await sv.screenshot({ path: `${SHOTS}/disbursement-8-schedule-paused.png`, fullPage: true });
      mark('schedule paused');
      await sv.locator('[data-action="resume"]').click();
      await dialog(sv).locator('textarea[name="note"]').fill('节后恢复');
      await dialog(sv).getByRole('button', { name: '恢复' }).click();
      await expect.poll(() => text(sv, '.shequ-schedule-state'), { timeout: 20_000 }).toBe('运行中');
      expect(await text(sv, '.shequ-schedule-next')).toMatch(/09:00$/);

      mark('schedule resumed');
      // In English too, and the district approver only reads it.
      const ap = await signIn('approver1', 'en');
      mark('approver1 signed in');
      const menu = await ap.locator('[class*="RaMenu"]').first().innerText();
      for (const entry of ['Disbursement runs', 'Payments', 'Disbursement schedule']) expect(menu).toContain(entry);
      await ap.getByRole('menuitem', { name: /Disbursement schedule/ }).click();
      await expect.poll(() => text(ap, '.shequ-schedule'), { timeout: 20_000 }).toContain('Next automatic run');
      expect(await text(ap, '.shequ-schedule')).toContain('Day 5 of each month, 09:00');
      expect(await ap.locator('[data-action="pause"]').count()).toBe(0);
      await ap.getByRole('menuitem', { name: /Disbursement runs/ }).click();
      // (the run of the first test, when the file runs whole)
      await expect.poll(() => text(ap, 'main'), { timeout: 20_000 }).toMatch(/Completed|No Disbursement runs found/);
      expect(await ap.locator('[data-action="start-run"]').count()).toBe(0);
      await ap.screenshot({ path: `${SHOTS}/disbursement-9-runs-en.png`, fullPage: true });
      mark('English checked');
    },
  );

  it(
    'finance1 rejects a run with a reason; a run stopped by the check waits for a supervisor to re-check it; a caseworker sees her lines only',
    { timeout: 180_000 },
    async () => {
      const finance = await login(stack, 'finance1');
      const runOf = (id: number) => finance.call('GET', `/api/disbursement-runs/${id}`).then((r) => r.body);

      // ── reject, with a reason and "are you sure?" ────────────────────────────────────────────
      const feb = (await finance.call('POST', '/api/disbursement-runs', { period: '2027-02' })).body.id;
      await waitFor('2027-02 awaiting sign-off', async () => (await runOf(feb)).phase === 'awaiting_signoff');
      const fin = await signIn('finance1');
      await fin.goto(`${stack.baseUrl}/#/disbursement-runs/${feb}/show`);
      await expect.poll(() => phase(fin), { timeout: 20_000 }).toBe('awaiting_signoff');
      await fin.locator('[data-action="reject"]').click();
      expect(await dialog(fin).getByRole('button', { name: '退回' }).isDisabled()).toBe(true);
      await dialog(fin).locator('textarea[name="reason"]').fill('保障标准调整，重新计算');
      await dialog(fin).getByRole('button', { name: '退回' }).click();
      await expect.poll(() => dialog(fin).innerText()).toContain('确认退回');
      await dialog(fin).getByRole('button', { name: '退回' }).click();
      await expect.poll(() => phase(fin), { timeout: 20_000 }).toBe('rejected');
      expect(await text(fin, '.shequ-rejected-reason')).toContain('保障标准调整，重新计算');
      expect(await fin.locator('.shequ-run-actions [data-action]').count()).toBe(0);
      await fin.screenshot({ path: `${SHOTS}/disbursement-10-rejected.png`, fullPage: true });

      // ── a line written by something else, with a wrong amount: the check stops the run ──────────
      const [e] = await seedEnrollments(stack.db, [{ communityId: 3, from: '2027-01-01' }]);
      const h = await stack.db('households').where({ id: e.householdId }).first();
      const c = await stack.db('org_units').where({ id: h.community_id }).first('parent_id');
      const [runRow] = await stack
        .db('disbursement_runs')
        .insert({
          period: '2027-03',
          cutoff_date: '2027-03-01',
          workflow_id: `${stack.env.SHEQU_WORKFLOW_ID_PREFIX}disbursement-2027-03`,
          trigger: 'manual',
        })
        .returning('id');
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
      const mar = (await finance.call('POST', '/api/disbursement-runs', { period: '2027-03' })).body.id;
      await waitFor('2027-03 stopped', async () => (await runOf(mar)).phase === 'stopped');

      const sv = await signIn('supervisor1');
      await sv.goto(`${stack.baseUrl}/#/disbursement-runs/${mar}/show`);
      await expect.poll(() => phase(sv), { timeout: 20_000 }).toBe('stopped');
      const check = await text(sv, '.shequ-check-report');
      expect(check).toContain('核对未通过');
      const diff = await text(sv, `.shequ-check-differences tr[data-enrollment-id="${e.enrollmentId}"]`);
      const expectedFen = lineAmount(standard, { members: 2, totalIncomeFen: 40000 });
      expect(diff).toContain(yuan(expectedFen));
      expect(diff).toContain('¥0.01');
      expect(diff).toContain('金额不符');
      await expect
        .poll(() => sv.locator('.shequ-street-chart .recharts-bar-rectangle').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await sv.screenshot({ path: `${SHOTS}/disbursement-11-stopped.png`, fullPage: true });

      await stack
        .db('payments')
        .where({ run_id: runRow.id, enrollment_id: e.enrollmentId })
        .update({ amount_fen: expectedFen });
      await sv.locator('[data-action="recheck"]').click();
      await dialog(sv).locator('textarea[name="reason"]').fill('已更正错误明细');
      await dialog(sv).getByRole('button', { name: '重新核对' }).click();
      await expect.poll(() => phase(sv), { timeout: 30_000 }).toBe('awaiting_signoff');
      expect(await text(sv, '.shequ-check-report')).toContain('核对通过');
      expect(await sv.locator('.shequ-run-actions [data-action="approve"]').count()).toBe(0); // finance signs off, not a supervisor

      // ── a caseworker reads the payments of her community only, and no runs ──────────────────
      const cw = await signIn('caseworker1');
      const cwMenu = await cw.locator('[class*="RaMenu"]').first().innerText();
      expect(cwMenu).toContain('发放明细');
      expect(cwMenu).not.toContain('发放批次');
      expect(cwMenu).not.toContain('自动发放计划');
      await cw.getByRole('menuitem', { name: /发放明细/ }).click();
      await expect.poll(() => text(cw, '.RaDatagrid-tbody'), { timeout: 20_000 }).toContain('东风社区');
      const areas = await cw.locator('.RaDatagrid-tbody .column-communityName').allInnerTexts();
      expect(areas.length).toBeGreaterThan(0);
      expect(areas.every((a) => a.includes('东风社区'))).toBe(true);
    },
  );
});
