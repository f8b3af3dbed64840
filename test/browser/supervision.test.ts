import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadCsv } from '../../domain/caseload-csv.js';
import { createCase, detail } from '../support/benefit.js';
import { idNumber } from '../support/fixtures.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { login, startTestStack, waitFor, type TestStack } from '../support/stack.js';

// Supervision through the console, in Chromium: caseworker1 submits a dibao case in 东风社区 and
// lets it sit at community review past its deadline (one policy day = 1 s, the stage's deadline
// 3 days). supervisor1 sees it in the dashboard's "overdue now", follows the card to the stuck
// list, opens the workflow and hands the case to the community's other caseworker with a
// reason: the case's assignee changes (through the workflow) and the step is audited. The bell
// then lists the overdue notice, which opens the case and is marked read.

const SHOTS = 'test-results';
const COMMUNITY_ID = 3; // cd-01 东风社区, caseworker1's and caseworker2's community
const NEW_ASSIGNEE = '赵敏（社区专干）';
const SUPERVISOR_NAME = '刘洋（督导）';
const REASON = '原经办人外出培训一周，改由赵敏办理入户调查。';

describe('stuck workflows in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[supervision browser test] ${what} after ${Date.now() - t0} ms`);

  beforeAll(async () => {
    stack = await startTestStack({
      serveConsole: true,
      env: { SHEQU_DAY_SECONDS: '1', SHEQU_DEADLINE_DAYS: 'community_review=3' },
    });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const dialog = (page: Page) => page.getByRole('dialog');
  /** A MUI select's clickable box: the value sits in a hidden input beside it. */
  const selectOf = (page: Page, name: string) =>
    page.locator(`input[name="${name}"]`).locator('..').locator('[role="combobox"]');

  /** caseworker1's new case, left at community review past its deadline. */
  async function overdueCase() {
    const cw = await login(stack, 'caseworker1');
    const { id } = await createCase(cw, COMMUNITY_ID);
    const overdue = await waitFor(
      'the case overdue',
      async () => {
        const d = await detail(cw, id);
        return d.overdue ? d : undefined;
      },
      90_000,
    );
    expect(overdue.stage).toBe('community_review');
    return { id, workflowId: overdue.workflowId as string };
  }

  it(
    'supervisor1 follows the overdue card to the stuck case and reassigns it to caseworker2',
    { timeout: 180_000 },
    async () => {
      const { id, workflowId } = await overdueCase();
      const caseworker2 = await stack.db('users').where({ username: 'caseworker2' }).first('id', 'display_name');
      expect(caseworker2.display_name).toBe(NEW_ASSIGNEE);
      mark(`application #${id} overdue (${workflowId})`);

      // ── the dashboard: overdue now, at least this case ───────────────────────────────────
      const sv = await signInAs(browser, stack, 'supervisor1', {
        menuShows: '卡住的流程',
        timeoutMs: 30_000,
        onPageError: mark,
      });
      const card = sv.locator('.shequ-overdue-now');
      await expect
        .poll(
          async () =>
            Number(
              (await card
                .locator('[data-total]')
                .getAttribute('data-total')
                .catch(() => null)) ?? 0,
            ),
          { timeout: 30_000 },
        )
        .toBeGreaterThanOrEqual(1);
      expect(await sv.locator('.shequ-stuck-by-reason').innerText()).toContain('已超期');
      // the charts arrive in a chunk of their own
      await expect
        .poll(() => sv.locator('.shequ-district-overview .recharts-surface').count(), { timeout: 20_000 })
        .toBe(3);
      // Cases at rest (active volunteers, enrolled households) are numbers above the stages chart,
      // not bars that flatten the work in progress.
      const supervisor = await login(stack, 'supervisor1');
      const household = {
        household_ref: 'S1',
        community_code: 'cd-01',
        address: '督导路1号',
        category: 'A',
        bank_account: '6222020000009876543',
        enrolled_from: '2025-07-01',
        amount_fen: 59_000,
      };
      const row1 = { ...household, name: '孙在册', id_number: idNumber('19450101', 991), relation: 'head' };
      const loaded = await supervisor.call('POST', '/api/imports', {
        csv: caseloadCsv([{ ...row1, monthly_income_fen: 30_000 }]),
        dryRun: false,
      });
      expect(loaded.status).toBe(201);
      const enrolled = await waitFor('the enrolled count on the overview', async () => {
        const rows: { kind: string; stage: string; count: number }[] = (await supervisor.call('GET', '/api/dashboard'))
          .body.openByStage;
        return rows.find((r) => r.kind === 'benefit' && r.stage === 'enrolled');
      });
      await sv.reload();
      await expect
        .poll(() => sv.locator('.shequ-settled-counts').innerText(), { timeout: 20_000 })
        .toContain(`${enrolled.count.toLocaleString()} 已纳入保障`);
      expect(await sv.locator('.shequ-open-by-stage-chart').innerText()).not.toMatch(/在册|已纳入保障|已安置/);
      await sv.screenshot({ path: `${SHOTS}/supervision-1-dashboard.png`, fullPage: true });

      // ── "view": the stuck list, filtered to overdue, has the case ────────────────────────
      await card.getByRole('link', { name: '查看' }).click();
      await sv.waitForURL(/#\/workflows\?filter=/, { timeout: 20_000 });
      expect(JSON.parse(decodeURIComponent(/filter=([^&]+)/.exec(sv.url())![1]))).toEqual({ reason: 'overdue' });
      const caseLink = `a.shequ-case-link[href$="/applications/${id}/show"]`;
      const row = sv.locator('.shequ-workflow-list .RaDatagrid-tbody tr').filter({ has: sv.locator(caseLink) });
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
      const rowText = await row.innerText();
      expect(rowText).toContain('已超期');
      expect(rowText).toContain('社区评议');
      expect(rowText).toContain('已超过办理期限'); // the problem in plain words
      // The table fits the page at 1280 px: no sideways scrolling for the links and pagination.
      await sv.setViewportSize({ width: 1280, height: 900 });
      expect(
        await sv.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1),
      ).toBe(true);
      await sv.setViewportSize({ width: 1400, height: 900 });
      await sv.screenshot({ path: `${SHOTS}/supervision-2-list.png`, fullPage: true });

      // ── the workflow's page ──────────────────────────────────────────────────────────
      await row.locator('td').first().click();
      await sv.waitForURL(new RegExp(`#/workflows/${encodeURIComponent(workflowId)}/show`), { timeout: 20_000 });
      const header = sv.locator('.shequ-workflow-header');
      await expect.poll(() => header.innerText().catch(() => ''), { timeout: 30_000 }).toContain(workflowId);
      const before = await header.innerText();
      expect(before).toContain('社区评议');
      expect(before).not.toContain(NEW_ASSIGNEE);
      expect(await sv.locator('.shequ-what-happened').first().innerText()).toContain('延长期限');

      // ── reassign to caseworker2, with a reason ─────────────────────────────────────────
      await sv.locator('[data-action="reassign"]').click();
      await expect.poll(() => dialog(sv).innerText()).toContain('改派案件');
      await selectOf(sv, 'assigneeId').click();
      await sv.getByRole('option', { name: new RegExp(NEW_ASSIGNEE) }).click();
      await dialog(sv).locator('textarea[name="reason"]').fill(REASON);
      await sv.screenshot({ path: `${SHOTS}/supervision-3-reassign.png`, fullPage: true });
      await dialog(sv).getByRole('button', { name: '确认改派' }).click();
      await expect
        .poll(
          () =>
            sv
              .locator('.shequ-assignee')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain(NEW_ASSIGNEE);
      await expect
        .poll(
          () =>
            sv
              .locator('.shequ-interventions')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain(REASON);
      mark('reassigned');

      // ── the case is caseworker2's now, and the step is in the audit log ─────────────────────
      await waitFor(
        'the assignee stored',
        async () => (await stack.db('applications').where({ id }).first('assignee_id')).assignee_id === caseworker2.id,
        20_000,
      );
      const audit = await stack.db('audit_events').where({ action: 'workflow.reassign', entity_id: workflowId });
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ reason: REASON });
      await sv.screenshot({ path: `${SHOTS}/supervision-4-reassigned.png`, fullPage: true });
      // The audit log reads in words and names, not `workflow.reassign` and usernames.
      const auditFilter = encodeURIComponent(JSON.stringify({ action: 'workflow.reassign' }));
      await sv.goto(`${stack.baseUrl}/#/audit-events?filter=${auditFilter}`);
      const auditRow = sv.locator('.RaDatagrid-tbody tr').first();
      await expect.poll(() => auditRow.innerText().catch(() => ''), { timeout: 20_000 }).toContain('流程 · 改派');
      expect(await auditRow.innerText()).toContain(SUPERVISOR_NAME);
      expect(await auditRow.innerText()).not.toContain('workflow.reassign');

      // ── the bell: the overdue notice, which leads to the case and is then read ───────────────
      const bell = sv.locator('.shequ-bell');
      expect(await bell.getAttribute('aria-label')).toBe('通知');
      await expect
        .poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 40_000 })
        .toBeGreaterThanOrEqual(1);
      await bell.click();
      const notice = sv.locator('.shequ-bell-menu [data-notification-id]').filter({ hasText: `#${id}` });
      await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
      const noticeId = Number(await notice.getAttribute('data-notification-id'));
      await sv.waitForTimeout(400); // the menu fades in
      await sv.screenshot({ path: `${SHOTS}/supervision-5-bell.png`, fullPage: true });
      await notice.click();
      await sv.waitForURL(new RegExp(`#/applications/${id}/show`), { timeout: 20_000 });
      await waitFor(
        'the notice read',
        async () => (await stack.db('notifications').where({ id: noticeId }).first('read_at')).read_at !== null,
        20_000,
      );
      await sv.screenshot({ path: `${SHOTS}/supervision-6-case.png`, fullPage: true });
      mark('notice opened');
    },
  );

  it(
    'approver1 (in English) reads the stuck list and a workflow without actions; the bell leads to all notifications',
    { timeout: 120_000 },
    async () => {
      const { id, workflowId } = await overdueCase();
      const ap = await signInAs(browser, stack, 'approver1', {
        locale: 'en',
        menuShows: 'Stuck workflows',
        timeoutMs: 30_000,
        onPageError: mark,
      });
      await expect
        .poll(
          () =>
            ap
              .locator('.shequ-overdue-now')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('Overdue now');

      await ap.getByRole('menuitem', { name: /Stuck workflows/ }).click();
      const row = ap
        .locator('.shequ-workflow-list .RaDatagrid-tbody tr')
        .filter({ has: ap.locator(`a.shequ-case-link[href$="/applications/${id}/show"]`) });
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
      expect(await row.innerText()).toContain('Overdue');
      await row.locator('td').first().click();
      await ap.waitForURL(new RegExp(`#/workflows/${encodeURIComponent(workflowId)}/show`), { timeout: 20_000 });
      await expect
        .poll(
          () =>
            ap
              .locator('.shequ-workflow-header')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('Community review');
      // reading is all a district approver does here
      expect(await ap.locator('.shequ-workflow-actions [data-action]').count()).toBe(0);

      // the bell's "see all": the notifications page (empty, or the list with its "mark all read")
      await ap.locator('.shequ-bell').click();
      await ap.locator('.shequ-bell-menu [data-action="see-all"]').click();
      await ap.waitForURL(/#\/notifications/, { timeout: 20_000 });
      await expect
        .poll(
          () =>
            ap
              .locator('main')
              .innerText()
              .catch(() => ''),
          { timeout: 20_000 },
        )
        .toMatch(/No notifications|Mark all read/);
      await ap.screenshot({ path: `${SHOTS}/supervision-7-approver.png`, fullPage: true });
    },
  );
});
