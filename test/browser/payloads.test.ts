import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { createPayloadRecords, markerPattern, type PayloadRecords } from '../support/payloads.js';
import { login, startTestStack, type TestStack } from '../support/stack.js';
import { recordFigure } from '../support/suite-figures.js';

// Records whose every text field is an SQL-injection and script payload (made through the API,
// test/support/payloads.ts), shown by the console to caseworker1 and supervisor1 on their list
// and show pages: each payload must read as the literal text it is, and none may become markup
// (no element, event handler or script of its own), run (window.__xss stays unset) or open a
// dialog. The console's CSP would stop an inline handler from running even if one were
// rendered, so the DOM itself is checked, not only whether anything ran.

const SHOTS = 'test-results';
const PREFIX = 'PB';

interface View {
  name: string;
  path: string;
  /** Keys of PayloadRecords.texts the page must show, the first once it has loaded. */
  shows: string[];
}

describe('payloads in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  let records: PayloadRecords;
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[payloads browser test] ${what} after ${Date.now() - t0} ms`);
  const tally = { views: 0, texts: 0, users: 0 };

  beforeAll(async () => {
    stack = await startTestStack({ serveConsole: true });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    records = await createPayloadRecords(stack.db, await login(stack, 'caseworker1'), PREFIX);
    mark('records made');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const views = (): View[] => [
    { name: 'application list', path: 'applications', shows: ['application.headName'] },
    {
      name: 'application',
      path: `applications/${records.applicationId}/show`,
      shows: [
        'application.headName',
        'application.address',
        'application.members.0.name',
        'application.members.1.name',
      ],
    },
    { name: 'volunteer list', path: 'volunteers', shows: ['volunteer.name'] },
    {
      name: 'volunteer',
      path: `volunteers/${records.volunteerId}/show`,
      shows: ['volunteer.name', 'volunteer.phone', 'volunteer.skills', 'volunteer.availability'],
    },
    { name: 'employer list', path: 'employers', shows: ['employer.name'] },
    {
      name: 'employer',
      path: `employers/${records.employerId}/show`,
      shows: ['employer.name', 'employer.address', 'employer.contact', 'employer.phone', 'opening.title'],
    },
    { name: 'opening list', path: 'job-openings', shows: ['opening.title', 'employer.name'] },
    {
      name: 'opening',
      path: `job-openings/${records.openingId}/show`,
      shows: ['opening.title', 'employer.name', 'opening.requiredSkills', 'opening.preferredSkills'],
    },
    { name: 'team list', path: 'volunteer-teams', shows: ['team.name'] },
    { name: 'team', path: `volunteer-teams/${records.teamId}/show`, shows: ['team.name'] },
  ];

  /** Signed in with the dialog handler in place before the console's first page loads. */
  async function signIn(username: string, dialogs: string[], errors: string[]): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
    });
    await context.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('zh-CN')));
    context.on('dialog', (d) => {
      dialogs.push(`${username}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    await page.goto(`${stack.baseUrl}/`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(stack.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect
      .poll(() => page.locator('[class*="RaMenu"]').first().innerText(), { timeout: 30_000 })
      .toContain('低保申请');
    return page;
  }

  /** What of the payloads became markup or ran. */
  const activeOnPage = (page: Page) =>
    page.evaluate(() => ({
      xss: typeof (window as { __xss?: unknown }).__xss,
      imgX: document.querySelectorAll('img[src="x"]').length,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      scripts: Array.from(document.scripts).filter((s) => s.text.includes('__xss')).length,
      bold: Array.from(document.querySelectorAll('b')).filter((b) => b.textContent === 'x').length,
    }));

  for (const username of ['caseworker1', 'supervisor1']) {
    it(`${username} sees every payload as text on list and show pages, inert`, { timeout: 120_000 }, async () => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      const page = await signIn(username, dialogs, errors);
      mark(`${username} signed in`);
      const missing: string[] = [];
      for (const view of views()) {
        await page.goto(`${stack.baseUrl}/#/${view.path}`);
        const first = records.texts[view.shows[0]];
        // Parts of a page load one after another (a show page's record, then its tables).
        let text = '';
        for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(250)) {
          text = await page.locator('body').innerText();
          if (view.shows.every((k) => text.includes(records.texts[k]))) break;
        }
        for (const key of view.shows) {
          if (!text.includes(records.texts[key])) missing.push(`${view.name}: ${key}`);
          else tally.texts++;
        }
        // Markers on the page whose payload is not there whole: shown changed or cut short.
        const seen = new Set(text.match(markerPattern(PREFIX)) ?? []);
        const changed = Object.entries(records.texts)
          .filter(([, v]) => seen.has(v.slice(0, 4)) && !text.includes(v))
          .map(([k]) => k);
        // The page may legitimately cut a long text in a narrow column; show pages have room.
        if (view.path.endsWith('/show')) for (const k of changed) missing.push(`${view.name}: ${k} shown changed`);
        expect(await activeOnPage(page), `${username} ${view.name}`).toEqual({
          xss: 'undefined',
          imgX: 0,
          handlers: 0,
          scripts: 0,
          bold: 0,
        });
        expect(
          await page.getByText(first, { exact: false }).count(),
          `${username} ${view.name}: getByText`,
        ).toBeGreaterThan(0);
        tally.views++;
      }
      await page.screenshot({ path: `${SHOTS}/payloads-${username}.png`, fullPage: true });
      await page.context().close();
      tally.users++;
      expect(missing).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      mark(`${username} done`);
    });
  }

  it('records what it checked', () => {
    const line = `${Object.keys(records.texts).length} payload fields of 5 records on ${views().length} pages × ${tally.users} users: ${tally.texts} payload texts shown literally, no element, handler or script from them, window.__xss unset, no dialog`;
    console.log(`payloads in the console: ${line}`);
    recordFigure('payloads in the console', line);
    expect(tally.users).toBe(2);
  });
});
