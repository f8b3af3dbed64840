import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../support/fixtures.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// Process 3 through the console, in Chromium: caseworker1 registers an adult volunteer of
// 东风社区 with the form; screening runs by itself (no suitability check: she does not ask to
// serve vulnerable people) and she waits for approval; caseworker1 approves her, signs her up
// for an activity of a 东风社区 team and, once it is over, logs 2.5 hours; leader1, the team's
// leader, confirms them from the hours list (bulk); her page then shows 2.5 confirmed hours.
//
// Sign-up needs an activity that has not started, and hours an activity that is over and at
// least as long as the hours: the activity is planned for later, and once she is signed up its
// times are moved into the past in the database (standing in for the wait).

const SHOTS = 'test-results';
const VOLUNTEER = '周志愿';
const COMMUNITY_ID = 3; // cd-01 东风社区, caseworker1's and leader1's community
const TITLE = '东风社区楼道清洁日';
const HOUR = 3600_000;

const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));

/** A birth date (YYYYMMDD) of someone `years` old, ten days past the birthday. */
const bornYearsAgo = (years: number) => {
  const d = new Date(Date.now() - 10 * 24 * HOUR);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
};

describe('volunteers in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  let teamId: number;
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[volunteer browser test] ${what} after ${Date.now() - t0} ms`);

  beforeAll(async () => {
    stack = await startTestStack({ serveConsole: true, env: { SHEQU_DAY_SECONDS: '1' } });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh browser context per user, signed in, console in Chinese. */
  const signIn = (username: string) =>
    signInAs(browser, stack, username, { menuShows: '志愿工时', timeoutMs: 30_000, onPageError: mark });

  const header = (page: Page) => page.locator('.shequ-case-header').innerText();
  const dialog = (page: Page) => page.getByRole('dialog');

  /** A team of 东风社区 led by leader1 (created once), and an activity of it starting in an hour. */
  async function plan(cw: ApiClient, title: string, hours: number): Promise<number> {
    if (!teamId) {
      const leader = await stack.db('users').where({ username: 'leader1' }).first('id', 'role');
      expect(leader?.role).toBe('team_leader');
      const team = await cw.call('POST', '/api/volunteer-teams', {
        name: '东风社区环境服务队',
        communityId: COMMUNITY_ID,
        kind: 'environment',
        leaderUserId: leader.id,
      });
      expect(team.status).toBe(201);
      teamId = team.body.id;
    }
    const startsAt = new Date(Date.now() + HOUR);
    const activity = await cw.call('POST', '/api/volunteer-activities', {
      teamId,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + hours * HOUR).toISOString(),
      place: '东风社区1号楼',
      placesTotal: 5,
      requiredSkills: [],
      servesVulnerable: false,
    });
    expect(activity.status).toBe(201);
    return activity.body.id;
  }

  /** Moves a planned activity into the past, keeping its length: as if it had taken place. */
  async function holdInThePast(activityId: number, hours: number) {
    const endsAt = new Date(Date.now() - 60_000);
    await stack
      .db('volunteer_activities')
      .where({ id: activityId })
      .update({ starts_at: new Date(endsAt.getTime() - hours * HOUR), ends_at: endsAt });
  }

  it(
    'caseworker1 registers and approves a volunteer, signs her up and logs her hours; leader1 confirms them',
    { timeout: 240_000 },
    async () => {
      const api = await login(stack, 'caseworker1');

      // ── the registration form: the community starts as caseworker1's own ───────────────────
      const cw = await signIn('caseworker1');
      await cw.getByRole('menuitem', { name: '志愿者', exact: true }).click();
      await cw.getByRole('link', { name: '新建' }).click();
      await cw.locator('input[name="name"]').fill(VOLUNTEER);
      await cw.locator('input[name="idNumber"]').fill(idNumber('19880716', 884));
      await cw.locator('input[name="phone"]').fill('13900003333');
      expect(await cw.locator('input[name="communityId"]').inputValue()).toBe('东风社区');
      await cw.locator('input[name="skills"]').fill('急救');
      await cw.locator('input[name="skills"]').press('Enter');
      await cw.locator('input[name="availability"]').fill('周末上午');
      // an adult: no guardian asked for
      expect(await cw.locator('input[name="guardianName"]').count()).toBe(0);
      await cw.screenshot({ path: `${SHOTS}/volunteer-1-form.png`, fullPage: true });
      await cw.getByRole('button', { name: '保存' }).click();
      await cw.waitForURL(/#\/volunteers\/\d+\/show/, { timeout: 30_000 });
      const volunteerId = Number(/volunteers\/(\d+)\/show/.exec(cw.url())![1]);
      mark(`volunteer #${volunteerId} registered`);

      // ── screening runs by itself; the page follows it to approval ──────────────────────────
      await expect.poll(() => header(cw), { timeout: 60_000 }).toContain('待审批');
      expect(await header(cw)).toContain('无需审查');
      await cw.locator('[data-action="approve"]').click();
      await dialog(cw).locator('textarea[name="comment"]').fill('材料齐全，同意登记。');
      await dialog(cw).getByRole('button', { name: '批准' }).click();
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('在册');
      await cw.screenshot({ path: `${SHOTS}/volunteer-2-approved.png`, fullPage: true });
      mark('approved');

      // ── sign-up: an activity of leader1's team, not started yet ───────────────────────────
      const activityId = await plan(api, TITLE, 3);
      await cw.locator('[data-action="sign_up"]').click();
      const choice = dialog(cw).locator(`tr[data-activity-id="${activityId}"]`);
      await expect.poll(() => choice.innerText().catch(() => ''), { timeout: 20_000 }).toContain(TITLE);
      expect(await choice.innerText()).toContain('5 / 5');
      await choice.click();
      await dialog(cw).getByRole('button', { name: '确认报名' }).click();
      const row = cw.locator(`.shequ-assignments tr[data-activity-id="${activityId}"]`);
      await expect.poll(() => row.innerText().catch(() => ''), { timeout: 30_000 }).toContain('已报名');
      expect(await row.innerText()).toContain('活动尚未结束');
      expect(await row.locator('[data-action="log_hours"]').count()).toBe(0);
      mark('signed up');

      // ── the activity takes place; 2.5 hours are logged on its row ──────────────────────────
      await holdInThePast(activityId, 3);
      await cw.reload();
      await expect.poll(() => row.locator('[data-action="log_hours"]').count(), { timeout: 30_000 }).toBe(1);
      await row.locator('[data-action="log_hours"]').click();
      await expect.poll(() => dialog(cw).innerText()).toContain('活动时长 3 小时');
      await dialog(cw).locator('input[name="hours"]').fill('2.5');
      await dialog(cw).getByRole('button', { name: '登记', exact: true }).click();
      const entry = cw.locator('.shequ-hours tbody tr').first();
      await expect.poll(() => entry.getAttribute('data-status').catch(() => null), { timeout: 30_000 }).toBe('pending');
      expect(await entry.innerText()).toContain('2.5');
      expect(await entry.getAttribute('data-minutes')).toBe('150');
      await cw.screenshot({ path: `${SHOTS}/volunteer-3-hours-logged.png`, fullPage: true });
      mark('hours logged');

      // ── leader1 confirms the pending entry from the hours list ────────────────────────────
      const leader = await signIn('leader1');
      // a team leader sees the volunteer pages only
      expect(await leader.locator('[class*="RaMenu"]').first().innerText()).not.toContain('低保申请');
      // his home page counts what waits for him
      await expect
        .poll(
          () =>
            leader
              .locator('.shequ-pending-hours')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toMatch(/待确认工时\s+1\b/);
      await leader.getByRole('menuitem', { name: /志愿工时/ }).click();
      const pendingRow = leader.locator('.shequ-hours-list .RaDatagrid-tbody tr').filter({ hasText: VOLUNTEER });
      await expect.poll(() => pendingRow.count(), { timeout: 30_000 }).toBe(1);
      expect(await pendingRow.innerText()).toContain(TITLE);
      await pendingRow.locator('input[type="checkbox"]').check();
      await leader.locator('[data-action="confirm-selected"]').click();
      await dialog(leader).getByRole('button', { name: '确认工时' }).click();
      const result = leader.locator('.shequ-bulk-result');
      await expect.poll(() => result.innerText().catch(() => ''), { timeout: 30_000 }).toContain('已确认 1 条');
      expect(await result.innerText()).toContain('未确认 0 条');
      await leader.screenshot({ path: `${SHOTS}/volunteer-4-confirmed.png`, fullPage: true });
      mark('hours confirmed');

      // ── back on her page: 2.5 confirmed hours ─────────────────────────────────────────────
      await cw.reload();
      await expect
        .poll(() => entry.getAttribute('data-status').catch(() => null), { timeout: 30_000 })
        .toBe('confirmed');
      expect(await cw.locator('.shequ-confirmed-hours').getAttribute('data-hours')).toBe('2.5');
      expect(await header(cw)).toContain('已确认服务时长 2.5 小时');
      expect(await row.getAttribute('data-hours-status')).toBe('confirmed');
      const steps = await cw
        .locator('.shequ-timeline > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-decision')));
      expect(steps).toEqual(
        expect.arrayContaining(['register', 'approve', 'sign_up', 'hours_logged', 'hours_confirmed']),
      );
      await cw.screenshot({ path: `${SHOTS}/volunteer-5-page.png`, fullPage: true });

      const hours = await stack.db('volunteer_hours').where({ volunteer_id: volunteerId }).select('status', 'minutes');
      expect(hours).toEqual([{ status: 'confirmed', minutes: 150 }]);
    },
  );

  it('her first star shows on her page once 100 hours are confirmed', { timeout: 180_000 }, async () => {
    // ── set up through the API: registered, approved, signed up, 101 hours logged ───────────
    const api = await login(stack, 'caseworker1');
    const leaderApi = await login(stack, 'leader1');
    const created = await api.call('POST', '/api/volunteers', {
      name: '吴星级',
      idNumber: idNumber('19790203', 885),
      phone: '13900004444',
      communityId: COMMUNITY_ID,
      skills: ['电工'],
      availability: '工作日晚上',
      partyMember: true,
      servesVulnerable: false,
    });
    expect(created.status).toBe(201);
    const id: number = created.body.id;
    await waitFor(
      'volunteer awaiting approval',
      async () => (await api.call('GET', `/api/volunteers/${id}`)).body.stage === 'approval',
    );
    expect((await api.call('POST', `/api/volunteers/${id}/approve`, { comment: '' })).status).toBe(200);
    const activityId = await plan(api, '社区电路安全检查', 101);
    expect((await api.call('POST', `/api/volunteers/${id}/sign-ups`, { activityId })).status).toBe(200);
    await holdInThePast(activityId, 101);
    expect((await api.call('POST', `/api/volunteers/${id}/hours`, { activityId, minutes: 101 * 60 })).status).toBe(200);
    const pending = await leaderApi.call(
      'GET',
      `/api/volunteer-hours?filter=${q({ volunteerId: id, status: 'pending' })}`,
    );
    expect(pending.body).toHaveLength(1);
    expect((await leaderApi.call('POST', `/api/volunteer-hours/${pending.body[0].id}/confirm`, {})).status).toBe(200);
    await waitFor('the first star', async () => (await api.call('GET', `/api/volunteers/${id}`)).body.starLevel === 1);
    mark('one star reached');

    // ── her page: ★, 101 hours, the recognition; the list filters by stars ──────────────────
    const cw = await signIn('caseworker1');
    await cw.goto(`${stack.baseUrl}/#/volunteers/${id}/show`);
    const stars = cw.locator('.shequ-case-header .shequ-stars');
    await expect.poll(() => stars.getAttribute('data-stars').catch(() => null), { timeout: 30_000 }).toBe('1');
    expect(await stars.innerText()).toContain('★');
    expect(await header(cw)).toContain('已确认服务时长 101 小时');
    expect(await header(cw)).toContain('还差 199 小时');
    const recognition = cw.locator('.shequ-recognitions [data-level="1"]');
    expect(await recognition.count()).toBe(1);
    expect(await recognition.innerText()).toContain('101 小时');
    expect(await cw.locator('.shequ-timeline > li[data-decision="star_reached"]').count()).toBe(1);
    await cw.screenshot({ path: `${SHOTS}/volunteer-6-star.png`, fullPage: true });

    await cw.goto(`${stack.baseUrl}/#/volunteers?filter=${q({ starLevel: 1 })}`);
    await expect
      .poll(
        () =>
          cw
            .locator('.RaDatagrid-tbody')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toContain('吴星级');
    expect(await cw.locator('.RaDatagrid-tbody').innerText()).not.toContain(VOLUNTEER);
  });

  it(
    'the form asks for a guardian from 14 to 17 and refuses under 14; a team takes a member; coverage per community',
    { timeout: 180_000 },
    async () => {
      const api = await login(stack, 'caseworker1');
      const cw = await signIn('caseworker1');

      // ── the age comes from the ID number as it is typed ───────────────────────────────────
      await cw.goto(`${stack.baseUrl}/#/volunteers/create`);
      await cw.locator('input[name="name"]').fill('郑少年');
      await cw.locator('input[name="idNumber"]').fill(idNumber(bornYearsAgo(13), 886));
      await cw.locator('input[name="name"]').click();
      await expect
        .poll(
          () =>
            cw
              .locator('.shequ-age-note')
              .innerText()
              .catch(() => ''),
          { timeout: 10_000 },
        )
        .toContain('未满14周岁');
      expect(await cw.locator('main').innerText()).toContain('未满14周岁，不能登记为志愿者');
      await cw.locator('input[name="idNumber"]').fill(idNumber(bornYearsAgo(15), 887));
      await expect
        .poll(
          () =>
            cw
              .locator('.shequ-age-note')
              .innerText()
              .catch(() => ''),
          { timeout: 10_000 },
        )
        .toContain('15 岁（14–17周岁）');
      expect(await cw.locator('input[name="guardianName"]').count()).toBe(1);
      await cw.locator('input[name="phone"]').fill('13900005555');
      // without the guardian's consent the form is not sent
      await cw.locator('input[name="guardianName"]').fill('郑大');
      await cw.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => cw.locator('main').innerText(), { timeout: 10_000 }).toContain('须取得监护人同意');
      expect(cw.url()).toContain('/volunteers/create');
      await cw.locator('input[name="guardianConsent"]').check();
      await cw.screenshot({ path: `${SHOTS}/volunteer-7-minor.png`, fullPage: true });
      await cw.getByRole('button', { name: '保存' }).click();
      await cw.waitForURL(/#\/volunteers\/\d+\/show/, { timeout: 30_000 });
      const minorId = Number(/volunteers\/(\d+)\/show/.exec(cw.url())![1]);
      await expect
        .poll(
          () =>
            cw
              .locator('.shequ-minor')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('监护人：郑大');
      expect(await stack.db('volunteers').where({ id: minorId }).first('guardian_name')).toEqual({
        guardian_name: '郑大',
      });
      mark('minor registered');

      // ── the team page: add an active volunteer of the community ───────────────────────────
      await plan(api, '社区植树', 2);
      await waitFor(
        'the minor awaiting approval',
        async () => (await api.call('GET', `/api/volunteers/${minorId}`)).body.stage === 'approval',
      );
      expect((await api.call('POST', `/api/volunteers/${minorId}/approve`, { comment: '' })).status).toBe(200);
      await cw.goto(`${stack.baseUrl}/#/volunteer-teams/${teamId}/show`);
      await expect
        .poll(
          () =>
            cw
              .locator('.shequ-team')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('孙丽');
      await cw.locator('[data-action="add_member"]').click();
      await dialog(cw).locator('input[name="volunteerId"]').fill('郑少年');
      await cw.getByRole('option', { name: /郑少年/ }).click();
      await dialog(cw).getByRole('button', { name: '添加', exact: true }).click();
      const member = cw.locator(`.shequ-team-members tr[data-volunteer-id="${minorId}"]`);
      await expect.poll(() => member.innerText().catch(() => ''), { timeout: 30_000 }).toContain('郑少年');
      expect(await member.innerText()).toContain('在册');
      expect(await cw.locator('.shequ-team').innerText()).toContain('东风社区');
      await cw.screenshot({ path: `${SHOTS}/volunteer-8-team.png`, fullPage: true });

      // ── an activity's page: places left, who signed up ───────────────────────────────────
      await cw.getByRole('row').filter({ hasText: '社区植树' }).first().click();
      await cw.waitForURL(/#\/volunteer-activities\/\d+\/show/, { timeout: 30_000 });
      await expect
        .poll(
          () =>
            cw
              .locator('.shequ-activity-places')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('5 / 5');
      expect(await cw.locator('.shequ-activity').innerText()).toContain('东风社区环境服务队');

      // ── coverage: 东风社区 against 1 % of its residents, as bars and as a row ─────────────────
      await cw.getByRole('menuitem', { name: /志愿者覆盖率/ }).click();
      const coverage = cw.locator('.shequ-coverage .RaDatagrid-tbody');
      await expect.poll(() => coverage.innerText().catch(() => ''), { timeout: 30_000 }).toContain('东风社区');
      await expect
        .poll(() => cw.locator('.shequ-coverage-chart .recharts-bar-rectangle').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const { residents } = await stack.db('org_units').where({ id: COMMUNITY_ID }).first('residents');
      const active = Number(
        (
          await stack
            .db('volunteers')
            .where({ community_id: COMMUNITY_ID })
            .whereIn('stage', ['active', 'reconfirm_due'])
            .count<{ count: string }[]>({ count: '*' })
        )[0].count,
      );
      const dongfeng = await coverage.locator('tr').filter({ hasText: '东风社区' }).first().innerText();
      expect(dongfeng).toContain(String(Math.ceil(residents / 100)));
      expect(dongfeng).toContain(`${(Math.round((active / residents) * 10_000) / 100).toFixed(2)}%`);
      await cw.screenshot({ path: `${SHOTS}/volunteer-9-coverage.png`, fullPage: true });
    },
  );
});
