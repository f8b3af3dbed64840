import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRedirects, launchChromium, redirectCounts, type RedirectCounts } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

// The way to the login form: one check and one redirect, not a loop. react-admin 5 with
// React Router 7 could log a signed-out visitor out thousands of times (each logout clears the
// query cache, the page still on screen asks checkAuth again, fails, logs out again: react-admin
// issue #10764) and show a blank page for 10–14 s. The loop is counted, not timed: pushState and
// authProvider.checkAuth calls (the console counts those in globalThis.__shequAuthChecks).

const FORM_TIMEOUT_MS = 10_000;
const MAX_PUSH_STATES = 3;
const MAX_AUTH_CHECKS = 5;

describe('console: the way to the login form', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startTestStack({ serveConsole: true, worker: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function freshPage(init?: () => void): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('zh-CN')));
    if (init) await context.addInitScript(init);
    await countRedirects(context);
    return context.newPage();
  }

  /** Waits for the login form, then (the loop, if any, being over) reads the counts. */
  async function loginFormShown(
    page: Page,
    what: string,
    t0: number,
  ): Promise<{ shown: boolean; ms: number; counts: RedirectCounts }> {
    const shown = await page
      .locator('input[name="username"]')
      .waitFor({ timeout: FORM_TIMEOUT_MS })
      .then(
        () => true,
        () => false,
      );
    const ms = Date.now() - t0;
    // A loop would still be running a moment after the form paints; let it show in the counts.
    await page.waitForTimeout(500);
    const counts = await redirectCounts(page);
    console.log(
      `[first-visit] ${what}: login form ${shown ? `after ${ms} ms` : `not shown in ${FORM_TIMEOUT_MS} ms`}, pushState ${counts.pushState}, replaceState ${counts.replaceState}, checkAuth ${counts.checkAuth}`,
    );
    return { shown, ms, counts };
  }

  function expectFewRedirects({ shown, counts }: { shown: boolean; counts: RedirectCounts }) {
    expect(counts.pushState, 'history.pushState calls').toBeLessThanOrEqual(MAX_PUSH_STATES);
    expect(counts.checkAuth, 'authProvider.checkAuth calls').toBeLessThanOrEqual(MAX_AUTH_CHECKS);
    expect(shown, 'login form shown').toBe(true);
  }

  it(
    'a signed-out first visit goes to the login form with one redirect, and no toast',
    { timeout: 60_000 },
    async () => {
      const page = await freshPage();
      const t0 = Date.now();
      await page.goto(`${stack.baseUrl}/`);
      const result = await loginFormShown(page, 'first visit', t0);
      expectFewRedirects(result);
      expect(result.counts.checkAuth).toBeGreaterThanOrEqual(1);
      expect(page.url()).toContain('#/login');
      // checkAuth fails with `message: false`: the login page says enough, no "please sign in" toast.
      expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
      expect(await page.locator('.shequ-session-ended').count()).toBe(0); // nothing ended: no notice
    },
  );

  it(
    'caseworker1 signs in, signs out from the user menu and is back at the login form',
    { timeout: 90_000 },
    async () => {
      const page = await freshPage();
      await page.goto(`${stack.baseUrl}/`);
      await page.locator('input[name="username"]').fill('caseworker1');
      await page.locator('input[name="password"]').fill(stack.password);
      await page.getByRole('button', { name: '登录' }).click();
      await expect
        .poll(() => page.locator('[class*="RaMenu"]').first().innerText(), { timeout: 20_000 })
        .toContain('低保申请');
      expect(await page.evaluate(() => localStorage.getItem('shequ.token'))).toBeTruthy();

      await redirectCounts(page, { reset: true });
      const t0 = Date.now();
      await page.locator('.RaUserMenu-userButton').first().click();
      await page.locator('.logout').click();
      const result = await loginFormShown(page, 'sign-out from the user menu', t0);
      expectFewRedirects(result);
      expect(await page.evaluate(() => localStorage.getItem('shequ.token'))).toBeNull();

      // And she can sign in again on the same page.
      await page.locator('input[name="username"]').fill('caseworker1');
      await page.locator('input[name="password"]').fill(stack.password);
      await page.getByRole('button', { name: '登录' }).click();
      await expect
        .poll(() => page.locator('[class*="RaMenu"]').first().innerText(), { timeout: 20_000 })
        .toContain('低保申请');
    },
  );

  it(
    'a stored token the API no longer knows ends at the login form quickly (401 → checkError)',
    { timeout: 60_000 },
    async () => {
      const page = await freshPage(() => {
        // Once per tab: after the sign-out the page must not find the stale session again.
        if (sessionStorage.getItem('shequ.test.seeded')) return;
        sessionStorage.setItem('shequ.test.seeded', '1');
        localStorage.setItem('shequ.token', 'revoked-or-expired-token-0000000000000000');
        localStorage.setItem(
          'shequ.user',
          JSON.stringify({ id: 2, username: 'caseworker1', displayName: '张社工', role: 'caseworker', orgUnitId: 3 }),
        );
      });
      const apiAnswers: number[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/')) apiAnswers.push(r.status());
      });
      const t0 = Date.now();
      await page.goto(`${stack.baseUrl}/`);
      const result = await loginFormShown(page, 'stale token', t0);
      expectFewRedirects(result);
      expect(apiAnswers).toContain(401);
      expect(await page.evaluate(() => localStorage.getItem('shequ.token'))).toBeNull();
      // The login page says why she is there.
      await expect
        .poll(
          () =>
            page
              .locator('.shequ-session-ended')
              .innerText()
              .catch(() => ''),
          { timeout: 10_000 },
        )
        .toContain('登录已失效');
    },
  );
});
