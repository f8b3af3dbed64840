import type { ChipProps } from '@mui/material';
import type { RaRecord } from 'react-admin';
import { disbursementPhases, type DisbursementPhase } from '../../../domain/disbursement';

// Phases are the domain's own list; the console adds labels, colours and what moves by itself.
export { disbursementPhases as phases };
export type Phase = DisbursementPhase;

export const phaseChoices = disbursementPhases.map((id) => ({ id, name: `shequ.disbursement.phase.${id}` }));

export const phaseColor: Record<Phase, ChipProps['color']> = {
  building: 'info',
  totals: 'info',
  checking: 'info',
  stopped: 'error',
  awaiting_signoff: 'warning',
  rejected: 'default',
  bank_file: 'primary',
  submitted: 'primary',
  resolving: 'warning',
  completed: 'success',
};

/** Phases the workflow leaves by itself: the pages poll quickly meanwhile. */
export const movingPhases: readonly Phase[] = ['building', 'totals', 'checking', 'bank_file', 'submitted'];
/** Nothing happens to these any more. */
export const finalPhases: readonly Phase[] = ['completed', 'rejected'];

/** The path of a month that goes well, for the stepper. */
export const mainPath: readonly Phase[] = [
  'building',
  'totals',
  'checking',
  'awaiting_signoff',
  'bank_file',
  'submitted',
  'resolving',
  'completed',
];

export type RunAction = 'approve' | 'reject' | 'close' | 'recheck' | 'download';

export interface Run extends RaRecord {
  id: number;
  period: string;
  cutoffDate: string;
  workflowId: string;
  phase: Phase;
  trigger: 'schedule' | 'manual' | string;
  pagesTotal: number;
  pagesDone: number;
  /** 0..1 of the build. */
  progress: number;
  lines: number;
  totalFen: number;
  linesPaid: number;
  linesFailed: number;
  signoffDeadlineAt: string | null;
  overdue: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  rejectedReason: string | null;
  startedAt: string;
  phaseSince: string;
  completedAt: string | null;
}

export interface StreetTotal {
  streetId: number;
  streetName: string;
  lines: number;
  amountFen: number;
}

export interface CommunityTotal {
  communityId: number;
  communityName: string;
  streetId: number;
  lines: number;
  amountFen: number;
}

export interface CheckDifference {
  enrollmentId: number;
  expectedFen: number | null;
  actualFen: number | null;
  lines: number;
}

export interface CheckReport {
  ok: boolean;
  expectedLines: number;
  actualLines: number;
  expectedFen: number;
  actualFen: number;
  differences: CheckDifference[];
}

export interface RunReport {
  lines: { status: string; kind: string; lines: number; fen: number }[];
  openLines: number;
}

export interface BankFile {
  seq: number;
  lines: number;
  totalFen: number;
  sha256: string;
  batchId: string | null;
  createdAt: string;
}

/** GET /api/disbursement-runs/:id */
export interface RunDetail extends Run {
  totalsByStreet?: StreetTotal[];
  totalsByCommunity?: CommunityTotal[];
  checkReport?: CheckReport | null;
  report?: RunReport | null;
  bankFiles?: BankFile[];
  allowedActions?: RunAction[];
}
