import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AllowanceCalculation } from '../domain/allowance.js';
import type { BenefitDecision, ChangeKind, RecheckOutcome } from '../domain/benefit-actions.js';
import type { BenefitPolicy } from '../domain/benefit-policy.js';
import type { BenefitStage, EnrollmentStatus, HouseholdCategory } from '../domain/benefit-stages.js';
import type { Actor, MemberFigures } from '../domain/actor.js';
import type { IncomeEvent, IncomeOutcome, IncomeProposal } from '../domain/employment-income.js';

// The benefit case's public surface, apart from its implementation so the API can import it
// without loading workflow code. No ID number or bank account ever enters a workflow's history:
// members are referred to by their row id.

export type { Actor, MemberFigures, IncomeEvent };

export interface EnrollmentState {
  id: number;
  amountFen: number;
  status: EnrollmentStatus;
  effectiveFrom: string;
  nextRecheckAt: string | null;
}

export interface BenefitCaseState {
  applicationId: number;
  householdId: number;
  category: HouseholdCategory;
  communityPath: string;
  stage: BenefitStage;
  stageSince: string | null;
  /** When the current stage is due (for public_notice: when the notice ends). */
  deadlineAt: string | null;
  overdue: boolean;
  /** Members still in the household. */
  memberIds: number[];
  /** Verification found one of the household's ID numbers in another active case. */
  blocked: boolean;
  /** The other open cases that hold one of this household's ID numbers. */
  duplicateOf: number[];
  /** Verification must run (again) before the case can move on. */
  needsVerification: boolean;
  calculation: AllowanceCalculation | null;
  enrollment: EnrollmentState | null;
  objections: number;
  /** Transitions recorded so far; the next one is seq + 1 (the decisions table's key). */
  seq: number;
  // Optional: states carried over by runs started before employment income existed lack them.
  /** Income events already taken in (their ids), so a resend is applied once. */
  incomeSeen?: string[];
  /** Income events waiting for the case to be free for a review. */
  incomeQueue?: IncomeEvent[];
  incomeReview?: IncomeReviewState | null;
  /** 渐退期: payments continue by schedule until `endsAt`, when the case ends. */
  gradualExit?: { endsAt: string } | null;
}

export interface IncomeReviewState {
  event: IncomeEvent;
  proposal: IncomeProposal;
  /** The stage the review returns to when the amount stays (enrolled or gradual_exit). */
  returnTo: BenefitStage;
}

export interface BenefitCaseInput {
  applicationId: number;
  policy: BenefitPolicy;
  /** Set by continue-as-new: the state to carry on from. */
  resume?: BenefitCaseState;
}

export interface HomeVisitFindings {
  visitedOn: string; // YYYY-MM-DD
  notes: string;
  members: MemberFigures[];
}

export interface DecisionRequest {
  actor: Actor;
  decision: BenefitDecision;
  comment: string;
  findings?: HomeVisitFindings;
}

export interface ObjectionRequest {
  actor: Actor;
  objector: string;
  content: string;
}

export interface WithdrawRequest {
  actor: Actor;
  reason: string;
}

export interface EnrollmentChangeRequest {
  actor: Actor;
  /** A scheduled re-check, or a change of circumstances reported at any time. */
  kind: 'recheck' | 'change';
  changeKind?: ChangeKind;
  members: MemberFigures[];
  outcome: RecheckOutcome;
  comment: string;
}

export interface EnrollmentStatusRequest {
  actor: Actor;
  action: 'suspend' | 'resume' | 'terminate';
  reason: string;
}

export interface IncomeDecisionRequest {
  actor: Actor;
  outcome: IncomeOutcome;
  comment: string;
  /** A corrected monthly wage, when the one reported was wrong. */
  wageFen?: number;
}

export const stateQuery = defineQuery<BenefitCaseState>('state');
export const decideUpdate = defineUpdate<BenefitCaseState, [DecisionRequest]>('decide');
export const objectUpdate = defineUpdate<BenefitCaseState, [ObjectionRequest]>('object');
export const withdrawUpdate = defineUpdate<BenefitCaseState, [WithdrawRequest]>('withdraw');
export const enrollmentChangeUpdate = defineUpdate<BenefitCaseState, [EnrollmentChangeRequest]>('enrollmentChange');
export const enrollmentStatusUpdate = defineUpdate<BenefitCaseState, [EnrollmentStatusRequest]>('enrollmentStatus');
export const incomeDecisionUpdate = defineUpdate<BenefitCaseState, [IncomeDecisionRequest]>('incomeDecision');
/** A placement or follow-up of a household member: sent by the referral, applied once per event id. */
export const incomeEventSignal = defineSignal<[IncomeEvent]>('incomeEvent');
