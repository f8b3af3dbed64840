import { describe, expect, it } from 'vitest';
import { allowedReferralActions } from '../../domain/referral-actions.js';
import { parseFollowUpDays } from '../../domain/referral-policy.js';
import { referralStages } from '../../domain/referral-stages.js';

describe('allowedReferralActions', () => {
  it('gives caseworkers and supervisors the step of each stage, plus withdrawal until the referral ends', () => {
    expect(allowedReferralActions({ stage: 'intake', openFollowUps: 0 }, 'caseworker')).toEqual(['assess', 'withdraw']);
    expect(allowedReferralActions({ stage: 'matching', openFollowUps: 0 }, 'supervisor')).toEqual([
      'propose',
      'rematch',
      'withdraw',
    ]);
    expect(allowedReferralActions({ stage: 'proposed', openFollowUps: 0 }, 'caseworker')).toEqual([
      'respond',
      'withdraw',
    ]);
    expect(allowedReferralActions({ stage: 'interview', openFollowUps: 0 }, 'caseworker')).toEqual([
      'outcome',
      'withdraw',
    ]);
    expect(allowedReferralActions({ stage: 'referred', openFollowUps: 0 }, 'caseworker')).toEqual(['withdraw']);
  });

  it('offers a follow-up only while one is open, and nothing once closed or withdrawn', () => {
    expect(allowedReferralActions({ stage: 'placed', openFollowUps: 0 }, 'caseworker')).toEqual(['withdraw']);
    expect(allowedReferralActions({ stage: 'placed', openFollowUps: 1 }, 'caseworker')).toEqual([
      'follow_up',
      'withdraw',
    ]);
    expect(allowedReferralActions({ stage: 'closed', openFollowUps: 0 }, 'supervisor')).toEqual([]);
    expect(allowedReferralActions({ stage: 'withdrawn', openFollowUps: 0 }, 'supervisor')).toEqual([]);
  });

  it('gives every other role nothing at any stage', () => {
    for (const role of ['street_reviewer', 'district_approver', 'finance', 'admin'] as const) {
      for (const stage of referralStages) expect(allowedReferralActions({ stage, openFollowUps: 1 }, role)).toEqual([]);
    }
  });
});

describe('parseFollowUpDays', () => {
  it('reads three increasing day counts for months 1, 3 and 6, with defaults when empty', () => {
    expect(parseFollowUpDays('2,4,6')).toEqual([
      { month: 1, days: 2 },
      { month: 3, days: 4 },
      { month: 6, days: 6 },
    ]);
    expect(parseFollowUpDays('').map((f) => f.days)).toEqual([30, 91, 182]);
  });

  it('refuses anything else, naming the value', () => {
    for (const bad of ['30,91', '30,20,182', '0,1,2', 'a,b,c']) expect(() => parseFollowUpDays(bad)).toThrow(bad);
  });
});
