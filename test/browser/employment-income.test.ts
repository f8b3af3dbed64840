import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser.js';
import { enrolledHousehold, incomeReview, place } from '../support/employment.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// The income review and the household page in the console. The household is enrolled and its
// member placed at ¥2,000 through the API (test/support/employment.ts); caseworker1 reads the
// proposal (渐退 6 months at ¥1,280) in Chinese and confirms it; approver1 reads the household's
// story across programmes in English.

const SHOTS = 'test-results';

describe('employment income in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  let caseworker: ApiClient;
  let h: Awaited<ReturnType<typeof enrolledHousehold>>;

  beforeAll(async () => {
    stack = await startTestStack({
      serveConsole: true,
      env: {
        SHEQU_DAY_SECONDS: '1',
        SHEQU_NOTICE_DAYS: '1',
        SHEQU_RECHECK_DAYS: 'A=100000,B=100000,C=100000',
        SHEQU_DEADLINE_DAYS: 'community_review=1000,street_review=1000,district_approval=1000,income_review=1000',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_FOLLOW_UP_DAYS: '1000,2000,3000',
      },
    });
    const [cw, reviewer, approver] = await Promise.all(
      ['caseworker1', 'reviewer1', 'approver1'].map((u) => login(stack, u)),
    );
    caseworker = cw;
    h = await enrolledHousehold({ caseworker, reviewer, approver });
    await place(stack, caseworker, h.spouseId, 200_000);
    await incomeReview(caseworker, h.applicationId);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const mainText = (page: Page) => page.locator('main').innerText();

  it('caseworker1 reads the proposal in Chinese and confirms the gradual exit', { timeout: 120_000 }, async () => {
    const cw = await signInAs(browser, stack, 'caseworker1', { menuShows: '低保申请' });
    await cw.goto(`${stack.baseUrl}/#/applications/${h.applicationId}/show`);
    const panel = cw.locator('.shequ-income-review');
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain('就业收入核定');
    const text = await panel.innerText();
    for (const shown of ['就业安置', '¥2,000.00', '¥300.00', '¥1,700.00', '进入渐退期', '¥1,280.00'])
      expect(text).toContain(shown);
    // One language on the screen: nothing of the English catalogue leaks into the panel.
    expect(text).not.toMatch(/gradual|income|proposal|deduction/i);
    expect(await cw.locator('.shequ-gradual-schedule tbody tr').count()).toBe(6);
    await cw.screenshot({ path: `${SHOTS}/income-1-review.png`, fullPage: true });

    await cw.locator('[data-action="income_decision"]').click();
    await expect.poll(() => mainText(cw), { timeout: 20_000 }).toContain('渐退期至');
    await expect.poll(() => cw.locator('.shequ-case-header').innerText()).toContain('渐退期');
    await cw.screenshot({ path: `${SHOTS}/income-2-gradual.png`, fullPage: true });
    await waitFor('gradual exit recorded', async () =>
      (await stack.db('applications').where({ id: h.applicationId }).first('stage')).stage === 'gradual_exit'
        ? true
        : undefined,
    );
  });

  it('approver1 reads the household across programmes in English', { timeout: 120_000 }, async () => {
    const ap = await signInAs(browser, stack, 'approver1', { locale: 'en', menuShows: 'Dibao applications' });
    await ap.goto(`${stack.baseUrl}/#/households/${h.householdId}/show`);
    await expect.poll(() => mainText(ap), { timeout: 20_000 }).toContain('Across programmes');
    const text = await mainText(ap);
    for (const shown of ['Work and placements', 'Employment income events', 'Placed in a job', '¥2,000.00', 'Referral'])
      expect(text).toContain(shown);
    const timeline = await ap.locator('.shequ-household-timeline').innerText();
    expect(timeline).toContain('Dibao');
    expect(timeline).toContain('Referral');
    // Chinese appears only in data (names, job titles, comments), never in the interface's own words.
    for (const label of ['就业与安置', '跨项目办理记录', '就业收入事件']) expect(text).not.toContain(label);
    await ap.screenshot({ path: `${SHOTS}/income-3-household-en.png`, fullPage: true });
  });
});
