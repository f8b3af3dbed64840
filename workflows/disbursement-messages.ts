import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DisbursementPhase } from '../domain/disbursement.js';
import type { DisbursementPolicy, PageRange } from '../domain/disbursement-policy.js';
import type { Actor } from './benefit-case-messages.js';

// The disbursement run's public surface (`disbursement-YYYY-MM`), importable by the API.

export type { DisbursementPolicy };

export interface DisbursementInput {
  period: string;
  trigger: 'schedule' | 'manual';
  startedBy?: number | null;
  policy: DisbursementPolicy;
  resume?: DisbursementState;
}

export type { PageRange };

export interface DisbursementState {
  runId: number;
  period: string;
  phase: DisbursementPhase;
  pages: PageRange[];
  pagesDone: number;
  lines: number;
  totalFen: number;
  deadlineAt: string | null;
  overdue: boolean;
  /** Failed lines waiting for a re-issue or to be carried as arrears. */
  failedLineIds: number[];
  /** Bank files submitted and not yet fully answered. */
  openFiles: number[];
  bankFileSeq: number;
  checkFailures: number;
}

export interface SignoffRequest {
  actor: Actor;
  approve: boolean;
  reason: string;
}

export interface LineRequest {
  actor: Actor;
  paymentId: number;
  /**
   * For a re-issue: the corrected account, sealed by the API (db/pii.ts) so the history holds
   * no account number; only the activity opens it.
   */
  accountSealed?: string;
  /** Plaintext, as Updates accepted before accounts travelled sealed carry it; never sent now. */
  account?: string;
  accountName?: string;
}

export const runStateQuery = defineQuery<DisbursementState>('runState');
export const signoffUpdate = defineUpdate<DisbursementState, [SignoffRequest]>('signoff');
export const reissueUpdate = defineUpdate<DisbursementState, [LineRequest]>('reissue');
export const carryUpdate = defineUpdate<DisbursementState, [LineRequest]>('carry');
export const closeRunUpdate = defineUpdate<DisbursementState, [{ actor: Actor; reason: string }]>('closeRun');
export const recheckRunUpdate = defineUpdate<DisbursementState, [{ actor: Actor; reason: string }]>('recheckRun');
