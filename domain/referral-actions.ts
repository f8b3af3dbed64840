import { accessPolicy } from './access-policy.js';
import type { ReferralStage } from './referral-stages.js';
import type { Role } from './roles.js';

// Who may take which step of a referral at which stage. The workflow's validators, the API's
// `allowedActions` and the console's buttons read this one table. Community caseworkers run
// referrals in their area; supervisors anywhere.

export const referralActions = ['assess', 'rematch', 'propose', 'respond', 'outcome', 'follow_up', 'withdraw'] as const;
export type ReferralAction = (typeof referralActions)[number];

const byStage: Partial<Record<ReferralStage, ReferralAction[]>> = {
  intake: ['assess'],
  matching: ['propose', 'rematch'],
  proposed: ['respond'],
  interview: ['outcome'],
  placed: ['follow_up'],
};

export const referralWorkers: readonly Role[] = accessPolicy.referrals.assess.roles;

export interface ReferralFlags {
  stage: ReferralStage;
  /** A follow-up task is open for the helper to record. */
  openFollowUps: number;
}

export function allowedReferralActions(r: ReferralFlags, role: Role): ReferralAction[] {
  if (!referralWorkers.includes(role)) return [];
  const out = (byStage[r.stage] ?? []).filter((a) => a !== 'follow_up' || r.openFollowUps > 0);
  if (r.stage !== 'closed' && r.stage !== 'withdrawn') out.push('withdraw');
  return out;
}

/** Stages at which a referral waits on a caseworker (her "my queue"). */
export const referralStagesWaitingOn = (role: Role): ReferralStage[] =>
  role === 'caseworker' ? ['intake', 'matching', 'proposed', 'interview'] : [];
