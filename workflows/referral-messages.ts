import type { IncomeEventKind } from '../domain/employment-income.js';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EducationLevel, FollowUpOutcome, ReferralStage } from '../domain/referral-stages.js';
import type { ReferralPolicy } from '../domain/referral-policy.js';
import type { RefusalReasonKind } from '../domain/refusal-review.js';
import type { Actor } from './benefit-case-messages.js';

// The referral's public surface, apart from its implementation so the API can import it
// without loading workflow code. The seeker's name and ID number never enter the history.

export type { Actor } from './benefit-case-messages.js';

export interface FollowUpState {
  month: number;
  dueAt: string;
  opened: boolean;
  outcome: FollowUpOutcome | null;
}

export interface ReferralState {
  referralId: number;
  communityPath: string;
  stage: ReferralStage;
  stageSince: string | null;
  /** To be placed by (while searching), else null. */
  deadlineAt: string | null;
  overdue: boolean;
  helperId: number | null;
  proposedOpeningId: number | null;
  interview: { id: number; openingId: number; at: string; reminded: boolean } | null;
  /** wageFen: optional, placements recorded before employment income reached dibao lack it. */
  placement: { id: number; openingId: number; startDate: string; wageFen?: number } | null;
  followUps: FollowUpState[];
  /** Openings declined or interviewed at without a hire: not offered again. */
  excludedOpenings: number[];
  /** Matching must rank again before the referral waits (openings changed, or asked for). */
  rankAgain: boolean;
  seq: number;
  /** Income events for the household's dibao case, not yet sent (optional: older runs lack it). */
  incomeOutbox?: PendingIncomeEvent[];
}

export interface PendingIncomeEvent {
  eventId: string;
  placementId: number;
  kind: IncomeEventKind;
  wageFen: number;
}

export interface ReferralInput {
  referralId: number;
  policy: ReferralPolicy;
  resume?: ReferralState;
}

export interface Assessment {
  education: EducationLevel;
  skills: string[];
  experience: string;
  maxHoursPerWeek: number | null;
  noPhysicalWork: boolean;
  expectedWageFen: number | null;
  constraintsNote: string;
  notes: string;
}

export interface AssessRequest {
  actor: Actor;
  assessment: Assessment;
  helperId: number;
}
export interface ProposeRequest {
  actor: Actor;
  openingId: number;
  comment: string;
}
export interface RespondRequest {
  actor: Actor;
  accepted: boolean;
  reason: string;
  /** A decline's kind of reason (optional: older clients and runs lack it). */
  reasonKind?: RefusalReasonKind;
  interviewAt?: string;
  place?: string;
}
export interface OutcomeRequest {
  actor: Actor;
  hired: boolean;
  reason: string;
  wageFen?: number;
  startDate?: string; // YYYY-MM-DD
}
export interface FollowUpRequest {
  actor: Actor;
  month: number;
  outcome: FollowUpOutcome;
  reason: string;
  /** The monthly wage now, when it changed since the placement. */
  wageFen?: number;
}
export interface ReasonRequest {
  actor: Actor;
  reason: string;
}

export const referralStateQuery = defineQuery<ReferralState>('state');
export const assessUpdate = defineUpdate<ReferralState, [AssessRequest]>('assess');
export const rematchUpdate = defineUpdate<ReferralState, [ReasonRequest]>('rematch');
export const proposeUpdate = defineUpdate<ReferralState, [ProposeRequest]>('propose');
export const respondUpdate = defineUpdate<ReferralState, [RespondRequest]>('respond');
export const outcomeUpdate = defineUpdate<ReferralState, [OutcomeRequest]>('outcome');
export const followUpUpdate = defineUpdate<ReferralState, [FollowUpRequest]>('followUp');
export const withdrawReferralUpdate = defineUpdate<ReferralState, [ReasonRequest]>('withdraw');
/** Openings were added, changed or filled: a referral in matching ranks again. */
export const openingsChangedSignal = defineSignal('openingsChanged');
