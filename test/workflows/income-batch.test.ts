import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLanes } from '../../api/temporal/case-start.js';
import { caseloadCsv } from '../../domain/caseload-csv.js';
import { incomeEventSignal } from '../../workflows/benefit-case-messages.js';
import { idNumber } from '../support/fixtures.js';
import {
  createOpening,
  helperOf,
  hire,
  refer,
  seekerBody,
  step,
  toInterview,
  waitReferral,
} from '../support/referrals.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';

// A batch of placements across dibao households, all at once: households imported as enrolled
// (each with its running case), their spouses referred in one list and placed concurrently,
// every income event sent a second time on top. Afterwards an independent query checks the
// invariant: exactly one income event row and exactly one review per placement — none lost,
// none doubled. SHEQU_TEST_INCOME_BATCH sets the size (default 40; see the README for 500).

const N = Number(process.env.SHEQU_TEST_INCOME_BATCH ?? 40);
const CONCURRENCY = 8;

describe('income events from a batch of placements', () => {
  let stack: TestStack;
  let caseworker: ApiClient, supervisor: ApiClient;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SHEQU_DAY_SECONDS: '60',
        SHEQU_PLACEMENT_DAYS: '100000',
        SHEQU_DEADLINE_DAYS: 'income_review=1000',
        SHEQU_RECHECK_DAYS: 'A=100000,B=100000,C=100000',
      },
    });
    [caseworker, supervisor] = await Promise.all(['caseworker1', 'supervisor1'].map((u) => login(stack, u)));
  });
  afterAll(() => stack.stop());

  it(`${N} placements of dibao members: one event and one review each`, { timeout: 600_000 }, async () => {
    const spouses = Array.from({ length: N }, (_, i) => idNumber('19810101', 300 + i));
    const rows = spouses.flatMap((spouse, i) => {
      const household = {
        household_ref: `B${i + 1}`,
        community_code: 'cd-01',
        address: `批量路${i + 1}号`,
        category: 'C',
        bank_account: `62284801234599${String(10_000 + i)}`,
        enrolled_from: '2025-07-01',
        amount_fen: 128_000,
      };
      return [
        {
          ...household,
          name: `批量户主${i}`,
          id_number: idNumber('19600101', 300 + i),
          relation: 'head',
          monthly_income_fen: 50_000,
        },
        { ...household, name: `批量配偶${i}`, id_number: spouse, relation: 'spouse', monthly_income_fen: 0 },
      ];
    });
    const imported = await supervisor.call('POST', '/api/imports', { csv: caseloadCsv(rows), dryRun: false });
    expect(imported.status).toBe(201);
    const applicationIds: number[] = imported.body.applicationIds;
    expect(applicationIds).toHaveLength(N);
    await waitFor(
      'imported cases running at enrolled',
      async () => {
        const n = await stack.db('applications').whereIn('id', applicationIds).where({ stage: 'enrolled' }).count();
        return Number(n[0].count) === N || undefined;
      },
      120_000,
    );

    const opening = await createOpening(caseworker, { requiredSkills: ['收银'], places: N });
    const batch = await refer(
      caseworker,
      spouses.map((spouse, i) => seekerBody(3, { name: `批量配偶${i}`, idNumber: spouse })),
    );
    const helperId = await helperOf(stack);
    await inLanes(batch.referralIds, CONCURRENCY, async (id) => {
      await waitReferral(caseworker, id, (r) => r.stage === 'intake', 'at intake', 120_000);
      const assessed = await step(caseworker, id, 'assess', { education: 'senior_high', skills: ['收银'], helperId });
      expect(assessed.status).toBe(200);
      await waitReferral(
        caseworker,
        id,
        (r) => r.matches.some((m: { openingId: number }) => m.openingId === opening.id),
        'ranked',
        120_000,
      );
      await toInterview(caseworker, id, opening.id);
      expect((await hire(caseworker, id, 200_000)).status).toBe(200);
    });

    // Every event again, as a retried send would: the cases must take each in once.
    await waitFor(
      'every income event stored',
      async () => {
        const n = await stack.db('income_events').whereIn('application_id', applicationIds).count();
        return Number(n[0].count) >= N || undefined;
      },
      120_000,
    );
    const events = await stack.db('income_events').whereIn('application_id', applicationIds);
    await inLanes(events, CONCURRENCY, async (e) => {
      await stack.temporal.workflow.getHandle(`benefit-${e.application_id}`).signal(incomeEventSignal, {
        eventId: e.event_id,
        kind: e.kind,
        memberId: e.member_id,
        wageFen: Number(e.wage_fen),
        placementId: e.placement_id,
        referralId: e.referral_id,
        occurredAt: e.occurred_at.toISOString(),
      });
    });
    await waitFor(
      'every case in its income review',
      async () => {
        const n = await stack
          .db('applications')
          .whereIn('id', applicationIds)
          .where({ stage: 'income_review' })
          .count();
        return Number(n[0].count) === N || undefined;
      },
      180_000,
    );

    const { rows: check } = await stack.db.raw(
      `SELECT p.id AS placement_id,
              (SELECT count(*) FROM income_events e WHERE e.placement_id = p.id)::int AS events,
              (SELECT count(*) FROM decisions d
                 JOIN income_events e ON e.application_id = d.application_id AND d.details->>'eventId' = e.event_id
                WHERE e.placement_id = p.id AND d.decision = 'income_event')::int AS reviews
         FROM placements p
        WHERE p.referral_id = ANY(?)`,
      [batch.referralIds],
    );
    expect(check).toHaveLength(N);
    expect(check.filter((r: { events: number; reviews: number }) => r.events !== 1 || r.reviews !== 1)).toEqual([]);
  });
});
