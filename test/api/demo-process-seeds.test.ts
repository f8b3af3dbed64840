import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUnstartedCases } from '../../api/temporal/case-start.js';
import { referralKind } from '../../api/temporal/referral-start.js';
import { volunteerKind } from '../../api/temporal/volunteer-start.js';
import { seedDemoReferrals } from '../../db/seeds/demo-referrals.js';
import { seedDemoVolunteers } from '../../db/seeds/demo-volunteers.js';
import { login, startTestStack, waitFor, type TestStack } from '../support/stack.js';

// The launcher's demo of processes 2 and 3: rows the workflows adopt when the API starts them,
// as it does after a crash.

describe('demo seeds of referrals and volunteers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it(
    'seeds once; the API start sweep starts every workflow and they take their rows over',
    { timeout: 180_000 },
    async () => {
      const now = new Date();
      const referrals = await seedDemoReferrals(stack.db, now);
      const volunteers = await seedDemoVolunteers(stack.db, now);
      expect(referrals).toEqual({ employers: 8, openings: 16, referrals: 12 });
      expect(volunteers.teams).toBe(98);
      expect(await seedDemoReferrals(stack.db, now)).toEqual({ employers: 0, openings: 0, referrals: 0 });
      expect(await seedDemoVolunteers(stack.db, now)).toEqual({ teams: 0, volunteers: 0 });

      expect(await startUnstartedCases(stack.db, stack.temporal, stack.env, referralKind)).toBe(12);
      expect(await startUnstartedCases(stack.db, stack.temporal, stack.env, volunteerKind)).toBe(volunteers.volunteers);
      await waitFor(
        'referrals at intake',
        async () => Number((await stack.db('referrals').where({ stage: 'intake' }).count())[0].count) === 12,
        60_000,
      );
      await waitFor(
        'new volunteers screened',
        async () => Number((await stack.db('volunteers').where({ stage: 'approval' }).count())[0].count) === 6,
        120_000,
      );
      await waitFor(
        'every volunteer workflow running',
        async () => Number((await stack.db('volunteers').whereNull('workflow_started_at').count())[0].count) === 0,
        120_000,
      );
      expect(await startUnstartedCases(stack.db, stack.temporal, stack.env, volunteerKind)).toBe(0);

      const supervisor = await login(stack, 'supervisor1');
      const coverage = await supervisor.call(
        'GET',
        `/api/volunteer-coverage?filter=${encodeURIComponent(JSON.stringify({ streetId: 2 }))}`,
      );
      expect(coverage.body).toHaveLength(13);
      expect(coverage.body.filter((c: { met: boolean }) => c.met)).toHaveLength(7);
      const leader = await login(stack, 'leader1');
      const teams = await leader.call('GET', '/api/volunteer-teams');
      expect(teams.body.filter((t: { leaderName: string | null }) => t.leaderName)).toHaveLength(2);
    },
  );
});
