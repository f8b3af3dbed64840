import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { idNumber } from '../support/fixtures.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// Process 2 through the console, in Chromium: an enterprise's list names one laid-off worker of
// 东风社区; caseworker1 assesses her (skills, one-to-one helper), the ranking puts the matching
// opening first with its reasons, she proposes it, records the seeker's acceptance with an
// interview, then the hire — and the opening has one place fewer. One policy day = 1 s here,
// so the 1-month follow-up falls due ~30 s after the hire; once recorded, the placement report
// shows the street's month at 100 % retained.

const SHOTS = 'test-results';
const SEEKER = '钱浏览';
const COMMUNITY_ID = 3; // cd-01 东风社区, caseworker1's community
const TITLE = '数控车工';

const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));

/** "YYYY-MM-DDTHH:mm" in Beijing time, what the datetime-local input of the console takes. */
const beijingLocal = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

describe('job referral in the console', () => {
  let stack: TestStack;
  let browser: Browser;
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[referral browser test] ${what} after ${Date.now() - t0} ms`);

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
    signInAs(browser, stack, username, { menuShows: '就业推荐', timeoutMs: 30_000, onPageError: mark });

  const header = (page: Page) => page.locator('.shequ-case-header').innerText();
  const dialog = (page: Page) => page.getByRole('dialog');
  /** A MUI select's clickable box: the value sits in a hidden input beside it. */
  const selectOf = (page: Page, name: string) =>
    page.locator(`input[name="${name}"]`).locator('..').locator('[role="combobox"]');

  /** An employer in the seeker's street with an opening her skills fit exactly; the referral in intake. */
  async function setUp(cw: ApiClient) {
    const community = await cw.call('GET', `/api/org-units/${COMMUNITY_ID}`);
    expect(community.body.name).toBe('东风社区');
    const streetId: number = community.body.parentId;

    const helpers = await cw.call('GET', `/api/helpers?filter=${q({ communityId: COMMUNITY_ID })}`);
    expect(helpers.status).toBe(200);
    if (helpers.body.length === 0)
      await stack.db('helpers').insert({ name: '冯帮扶', phone: '13900002222', community_id: COMMUNITY_ID });

    const enterprises = await cw.call('GET', '/api/enterprises');
    const enterpriseId: number =
      enterprises.body[0]?.id ??
      (await cw.call('POST', '/api/enterprises', { name: '泰州浏览机械总厂（改制）', contact: '劳资科' })).body.id;

    const employer = await cw.call('POST', '/api/employers', {
      name: '泰州浏览精密机械有限公司',
      streetId,
      address: '东风路88号',
      contact: '人事部 吴经理',
      phone: '0523-86201234',
    });
    expect(employer.status).toBe(201);
    const opening = await cw.call('POST', '/api/job-openings', {
      employerId: employer.body.id,
      title: TITLE,
      requiredSkills: ['数控车床'],
      preferredSkills: ['机械制图'],
      wageMinFen: 400_000,
      wageMaxFen: 550_000,
      streetId,
      hoursPerWeek: 40,
      physical: false,
      placesTotal: 3,
    });
    expect(opening.status).toBe(201);

    const batch = await cw.call('POST', '/api/referral-batches', {
      enterpriseId,
      reference: '浏览测试-2026-01',
      receivedOn: shanghaiDate(new Date()),
      seekers: [
        {
          name: SEEKER,
          idNumber: idNumber('19720315', 881),
          communityId: COMMUNITY_ID,
          phone: '13900001111',
          education: 'vocational',
          skills: ['车工'],
          experience: '机修车间车工15年',
        },
      ],
    });
    expect(batch.status).toBe(201);
    const referralId: number = batch.body.referralIds[0];
    await waitFor(
      'referral in intake',
      async () => (await cw.call('GET', `/api/referrals/${referralId}`)).body.stage === 'intake',
    );
    return { referralId, openingId: opening.body.id as number };
  }

  it(
    'caseworker1 assesses, proposes the top match, records the interview and the hire',
    { timeout: 180_000 },
    async () => {
      const api = await login(stack, 'caseworker1');
      const { referralId, openingId } = await setUp(api);
      mark(`referral #${referralId} in intake`);

      // ── the queue, then the seeker's page ─────────────────────────────────────────────
      const cw = await signIn('caseworker1');
      await cw.getByRole('menuitem', { name: /就业推荐/ }).click();
      await expect
        .poll(
          () =>
            cw
              .locator('.RaDatagrid-tbody')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain(SEEKER);
      await cw.getByText(SEEKER).first().click();
      await cw.waitForURL(new RegExp(`#/referrals/${referralId}/show`), { timeout: 20_000 });
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('待评估');
      expect(await cw.locator('.shequ-assessment').innerText()).toContain('尚未进行就业评估');
      await cw.screenshot({ path: `${SHOTS}/referral-1-intake.png`, fullPage: true });

      // ── intake: skills, expected wage, the one-to-one helper ─────────────────────────────
      await cw.locator('[data-action="assess"]').click();
      await expect.poll(() => dialog(cw).innerText()).toContain('就业评估');
      const skills = dialog(cw).locator('input[name="skills"]');
      for (const skill of ['数控车床', '机械制图']) {
        await skills.fill(skill);
        await skills.press('Enter');
      }
      await dialog(cw).locator('input[name="expectedWageFen"]').fill('4500');
      await dialog(cw).locator('textarea[name="notes"]').fill('持数控车床操作经验，能看懂机械图纸，希望在本街道就业。');
      await selectOf(cw, 'helperId').click();
      await cw.getByRole('option').first().click();
      await cw.screenshot({ path: `${SHOTS}/referral-2-assess.png`, fullPage: true });
      await dialog(cw).getByRole('button', { name: '提交评估并匹配岗位' }).click();
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('岗位匹配');
      mark('assessed');

      // ── the ranking arrives by itself: our opening first, 100 points, with its reasons ─────
      const firstMatch = cw.locator('.shequ-matches tbody tr').first();
      await expect.poll(() => firstMatch.innerText().catch(() => ''), { timeout: 60_000 }).toContain(TITLE);
      expect(await firstMatch.getAttribute('data-opening-id')).toBe(String(openingId));
      const matchText = await firstMatch.innerText();
      expect(matchText).toContain('100');
      expect(matchText).toContain('必备技能');
      expect(matchText).toContain('¥4,000.00–¥5,500.00');
      expect(await cw.locator('.shequ-helper').innerText()).not.toContain('尚未指定');
      await cw.screenshot({ path: `${SHOTS}/referral-3-matches.png`, fullPage: true });
      mark('matched');

      // ── propose the top match ────────────────────────────────────────────────────────
      await firstMatch.locator('[data-action="propose"]').click();
      await dialog(cw).locator('textarea[name="comment"]').fill('技能完全对口，离家近。');
      await dialog(cw).getByRole('button', { name: '确认推荐' }).click();
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('已推荐岗位');
      expect(await cw.locator('.shequ-proposal').innerText()).toContain(TITLE);

      // ── the seeker accepts: an interview in ten minutes (Beijing time) ─────────────────────
      await cw.locator('[data-action="respond"]').click();
      await dialog(cw)
        .locator('input[name="interviewAt"]')
        .fill(beijingLocal(new Date(Date.now() + 10 * 60_000)));
      await dialog(cw).locator('input[name="place"]').fill('东风路88号 人事部');
      await dialog(cw).getByRole('button', { name: '安排面试' }).click();
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('待面试');
      expect(await cw.locator('.shequ-interviews').innerText()).toContain('东风路88号 人事部');
      mark('interview arranged');

      // ── hired: monthly wage in yuan, start date ──────────────────────────────────────────
      await cw.locator('[data-action="outcome"]').click();
      await dialog(cw).locator('input[name="wageFen"]').fill('4800');
      await dialog(cw).locator('input[name="startDate"]').fill(shanghaiDate(new Date()));
      await dialog(cw).getByRole('button', { name: '登记录用' }).click();
      await expect.poll(() => header(cw), { timeout: 30_000 }).toContain('已安置');
      const placement = cw.locator('.shequ-placement');
      await expect.poll(() => placement.innerText().catch(() => ''), { timeout: 20_000 }).toContain(TITLE);
      expect(await placement.innerText()).toContain('¥4,800.00');
      const steps = await cw
        .locator('.shequ-timeline > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-decision')));
      expect(steps).toEqual(expect.arrayContaining(['assess', 'matched', 'propose', 'accept', 'hired']));
      expect(await cw.locator('.shequ-timeline').innerText()).toContain('录用上岗');
      await cw.screenshot({ path: `${SHOTS}/referral-4-placed.png`, fullPage: true });
      mark('placed');

      // One placement, one place fewer.
      expect(
        await stack.db('placements').where({ referral_id: referralId }).count<{ count: string }[]>({ count: '*' }),
      ).toEqual([{ count: '1' }]);
      expect((await stack.db('job_openings').where({ id: openingId }).first('places_left')).places_left).toBe(2);

      // ── the 1-month follow-up (30 policy days ≈ 30 s): still in the job ─────────────────────
      const openTask = cw.locator('.shequ-follow-ups tr[data-status="open"] [data-action="follow_up"]');
      await waitFor(
        'the 1-month follow-up',
        async () =>
          (await api.call('GET', `/api/referrals/${referralId}`)).body.followUps.some(
            (f: { status: string }) => f.status === 'open',
          ),
        90_000,
      );
      await cw.reload();
      await expect.poll(() => openTask.count(), { timeout: 30_000 }).toBe(1);
      await openTask.click();
      await dialog(cw).locator('textarea[name="reason"]').fill('电话回访本人及车间主任，工作稳定。');
      await dialog(cw).getByRole('button', { name: '提交回访' }).click();
      await expect
        .poll(() => cw.locator('.shequ-follow-ups tr[data-month="1"]').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('retained');
      await cw.screenshot({ path: `${SHOTS}/referral-5-follow-up.png`, fullPage: true });
      mark('1-month follow-up recorded');

      // ── the report: one placement in the seeker's street this month, 100 % in work at 1 month ─
      const { streetName } = (await api.call('GET', `/api/referrals/${referralId}`)).body;
      await cw.getByRole('menuitem', { name: /安置统计/ }).click();
      const report = cw.locator('.shequ-placement-report .RaDatagrid-tbody');
      await expect.poll(() => report.innerText().catch(() => ''), { timeout: 30_000 }).toContain(streetName);
      const row = await report.locator('tr').filter({ hasText: streetName }).first().innerText();
      expect(row).toContain(shanghaiDate(new Date()).slice(0, 7));
      expect(row).toContain('100%');
      expect(row).toContain('1/1');
      await cw.screenshot({ path: `${SHOTS}/referral-6-report.png`, fullPage: true });
    },
  );

  it(
    'the list form checks ID numbers as typed and opens the queue on the new list; an opening is typed in yuan',
    { timeout: 180_000 },
    async () => {
      // ── caseworker1 registers an enterprise's list of one ────────────────────────────────
      const cw = await signIn('caseworker1');
      await cw.getByRole('menuitem', { name: /企业推荐名单/ }).click();
      await cw.getByRole('link', { name: '新建' }).click();
      await selectOf(cw, 'enterpriseId').click();
      await cw.getByRole('option').first().click();
      await cw.locator('input[name="reference"]').fill('浏览测试-2026-02');
      await cw.locator('input[name="seekers.0.name"]').fill('孙表单');
      const good = idNumber('19750608', 882);
      await cw.locator('input[name="seekers.0.idNumber"]').fill(good.slice(0, 17) + (good[17] === '1' ? '2' : '1'));
      await cw.locator('input[name="seekers.0.name"]').click();
      await expect.poll(() => cw.locator('main').innerText()).toContain('校验位错误');
      await cw.locator('input[name="seekers.0.idNumber"]').fill(good);
      // the row starts in caseworker1's own community; skills separated by commas
      expect(await cw.locator('input[name="seekers.0.communityId"]').inputValue()).toBe('东风社区');
      await cw.locator('input[name="seekers.0.skills"]').fill('电工, 焊工,');
      await cw
        .locator('input[name="seekers.0.experience"], textarea[name="seekers.0.experience"]')
        .first()
        .fill('厂电工班8年');
      await cw.getByRole('button', { name: '保存' }).click();
      await cw.waitForURL(/#\/referrals\?filter=/, { timeout: 30_000 });
      const batchId = Number(JSON.parse(decodeURIComponent(/filter=([^&]+)/.exec(cw.url())![1])).batchId);
      await expect
        .poll(
          () =>
            cw
              .locator('.RaDatagrid-tbody')
              .innerText()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('孙表单');
      const seeker = await stack
        .db('job_seekers as s')
        .join('referrals as r', 'r.seeker_id', 's.id')
        .where('r.batch_id', batchId)
        .first('s.skills', 's.community_id');
      expect(seeker).toEqual({ skills: ['电工', '焊工'], community_id: COMMUNITY_ID });

      // ── supervisor1 (who sees every street) adds an opening, wages typed in yuan ──────────────
      const sv = await signIn('supervisor1');
      await sv.goto(`${stack.baseUrl}/#/job-openings/create`);
      await sv.locator('input[name="employerId"]').fill('浏览精密');
      await sv.getByRole('option', { name: '泰州浏览精密机械有限公司' }).click();
      await sv.locator('input[name="title"]').fill('维修电工');
      await sv.locator('input[name="requiredSkills"]').fill('电工');
      await sv.locator('input[name="requiredSkills"]').press('Enter');
      await sv.locator('input[name="wageMinFen"]').fill('3500.5');
      await sv.locator('input[name="wageMaxFen"]').fill('4800');
      await sv.locator('input[name="streetId"]').fill('城东');
      await sv.getByRole('option', { name: '城东街道' }).click();
      await sv.locator('input[name="placesTotal"]').fill('2');
      await sv.getByRole('button', { name: '保存' }).click();
      await sv.waitForURL(/#\/job-openings\/\d+\/show/, { timeout: 30_000 });
      await expect
        .poll(
          () =>
            sv
              .locator('.shequ-opening')
              .innerText()
              .catch(() => ''),
          { timeout: 20_000 },
        )
        .toContain('¥3,500.50–¥4,800.00');
      expect(await sv.locator('.shequ-opening').innerText()).toContain('2 / 2');
      const id = Number(/job-openings\/(\d+)\/show/.exec(sv.url())![1]);
      expect(
        await stack.db('job_openings').where({ id }).first('wage_min_fen', 'wage_max_fen', 'required_skills'),
      ).toEqual({ wage_min_fen: '350050', wage_max_fen: '480000', required_skills: ['电工'] });
      await sv.screenshot({ path: `${SHOTS}/referral-7-opening.png`, fullPage: true });
    },
  );
});
