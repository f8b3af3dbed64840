import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationBody } from '../support/fixtures.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { login, loginRequest, startTestStack, waitFor, type TestStack } from '../support/stack.js';

// The built console served by the real API, driven in Debian's Chromium (installed by .ci/run).

describe('console in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startTestStack({ serveConsole: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('caseworker1 logs in, sees the Chinese menu and the applications list', { timeout: 180_000 }, async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`[browser test] ${what} after ${Date.now() - t0} ms`);
    const api = await login(stack, 'caseworker1');
    const created = await api.call('POST', '/api/applications', applicationBody(3, { headName: '孙浏览' }));
    expect(created.status).toBe(201);
    // Verification runs by itself and hands the case to community review.
    await waitFor(
      'community review',
      async () => (await api.call('GET', `/api/applications/${created.body.id}`)).body.stage === 'community_review',
    );

    mark('case in community review');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page.on('requestfailed', (r) => mark(`request failed: ${r.url().slice(0, 100)}`));
    await page.goto(`${stack.baseUrl}/`);
    mark('page loaded');
    await page.locator('input[name="username"]').fill('caseworker1');
    await page.locator('input[name="password"]').fill(stack.password);
    await page.getByRole('button', { name: '登录' }).click();

    const menu = page.locator('.RaSidebar-fixed, .RaMenu-open, [class*="RaMenu"]').first();
    await expect.poll(() => menu.innerText(), { timeout: 20_000 }).toContain('低保申请');
    expect(await menu.innerText()).toContain('组织机构');
    expect(await menu.innerText()).not.toContain('用户管理'); // admins only

    mark('menu shown');
    await page.getByRole('menuitem', { name: /低保申请/ }).click();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('孙浏览');
    expect(await page.locator('main').innerText()).toContain('社区评议');

    mark('list shown');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/console-applications.png', fullPage: true });

    // The menu by programme: her groups only (no supervision group for a caseworker).
    const groups = await page.locator('[data-menu-group]').allInnerTexts();
    expect(groups).toEqual(expect.arrayContaining(['低保', '就业', '志愿服务', '系统']));
    expect(groups).not.toContain('督导');
    // A menu click opens the list afresh: the last filter used there does not come back.
    await page.goto(`${stack.baseUrl}/#/applications?filter=${encodeURIComponent('{"myQueue":true}')}`);
    await expect.poll(() => page.url()).toContain('myQueue');
    await page.getByRole('menuitem', { name: /低保对象/ }).click();
    await page.getByRole('menuitem', { name: /低保申请/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/applications/);
    await expect.poll(() => page.locator('main').innerText()).toContain('孙浏览');
    expect(decodeURIComponent(page.url())).not.toContain('myQueue');

    // A page her role may not use, opened by URL, says so before offering any control.
    await page.goto(`${stack.baseUrl}/#/imports`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('无权访问');
    expect(await page.getByRole('button', { name: '检查' }).count()).toBe(0);
  });

  it(
    'reviewer1 changes her own password from the user menu: her other session ends, this one stays',
    { timeout: 120_000 },
    async () => {
      const elsewhere = await login(stack, 'reviewer1');
      const page = await signInAs(browser, stack, 'reviewer1', { menuShows: '低保申请' });
      await page.locator('.RaUserMenu-userButton').first().click();
      await page.locator('.shequ-change-password').click();
      const dialog = page.locator('.shequ-password-dialog');
      await dialog.locator('input[name="currentPassword"]').fill('not-my-password-1');
      await dialog.locator('input[name="newPassword"]').fill('short1');
      // The policy is checked as she types, from the same rules the API applies.
      await expect.poll(() => dialog.innerText()).toContain('至少10位');
      const fresh = 'Reviewer-2026-new';
      await dialog.locator('input[name="newPassword"]').fill(fresh);
      await dialog.locator('input[name="again"]').fill(fresh);
      await dialog.getByRole('button', { name: '修改密码' }).click();
      await expect.poll(() => dialog.innerText()).toContain('当前密码不正确');
      await dialog.locator('input[name="currentPassword"]').fill(stack.password);
      await dialog.getByRole('button', { name: '修改密码' }).click();
      await expect.poll(() => page.locator('body').innerText()).toContain('密码已修改');
      expect((await elsewhere.call('GET', '/api/auth/me')).status).toBe(401);
      expect((await loginRequest(stack.baseUrl, 'reviewer1', fresh)).status).toBe(200);
      // This session still works: the list loads.
      await page.getByRole('menuitem', { name: /低保申请/ }).click();
      await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('申请');
      const audit = await stack.db('audit_events').where({ action: 'auth.password_changed' }).count({ n: '*' });
      expect(Number(audit[0].n)).toBe(1);
    },
  );
});
