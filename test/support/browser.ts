import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestStack } from './stack.js';

// Debian's Chromium (installed by .ci/run) for the console tests, and signing in as a user.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: run .ci/run once, or apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface SignInOptions {
  locale?: 'zh-CN' | 'en';
  /** Text the menu shows once this user is in (it differs by role). */
  menuShows: string;
  timeoutMs?: number;
  acceptDownloads?: boolean;
  onPageError?: (message: string) => void;
}

/** A fresh browser context per user (own localStorage), signed in, the console in `locale`. */
export async function signInAs(browser: Browser, stack: TestStack, username: string, o: SignInOptions): Promise<Page> {
  const locale = o.locale ?? 'zh-CN';
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    acceptDownloads: o.acceptDownloads ?? false,
  });
  await context.addInitScript((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
  const page = await context.newPage();
  page.on('pageerror', (e) => o.onPageError?.(`${username} page error: ${e.message}`));
  await page.goto(`${stack.baseUrl}/`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(stack.password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' }).click();
  await expect
    .poll(() => page.locator('[class*="RaMenu"]').first().innerText(), { timeout: o.timeoutMs ?? 20_000 })
    .toContain(o.menuShows);
  return page;
}

export interface RedirectCounts {
  pushState: number;
  replaceState: number;
  /** authProvider.checkAuth calls (the console counts them in globalThis.__shequAuthChecks). */
  checkAuth: number;
}

/** Counts history.pushState/replaceState on every page of `context` from its first script on,
 * so a redirect loop (react-admin issue #10764) shows as a number rather than as a slow test. */
export async function countRedirects(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __shequHistory: { pushState: number; replaceState: number } };
    w.__shequHistory = { pushState: 0, replaceState: 0 };
    const push = history.pushState.bind(history);
    const replace = history.replaceState.bind(history);
    history.pushState = (...args: Parameters<History['pushState']>) => {
      w.__shequHistory.pushState++;
      push(...args);
    };
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__shequHistory.replaceState++;
      replace(...args);
    };
  });
}

export async function redirectCounts(page: Page, opts: { reset?: boolean } = {}): Promise<RedirectCounts> {
  return page.evaluate((reset) => {
    const w = window as unknown as {
      __shequHistory?: { pushState: number; replaceState: number };
      __shequAuthChecks?: number;
    };
    const counts = {
      pushState: w.__shequHistory?.pushState ?? 0,
      replaceState: w.__shequHistory?.replaceState ?? 0,
      checkAuth: w.__shequAuthChecks ?? 0,
    };
    if (reset) {
      w.__shequHistory = { pushState: 0, replaceState: 0 };
      w.__shequAuthChecks = 0;
    }
    return counts;
  }, opts.reset ?? false);
}
