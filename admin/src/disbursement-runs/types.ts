import type { ChipProps } from '@mui/material';
import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { runDetailSchema, runSchema } from '../../../contract/disbursement-runs';
import { disbursementPhases, type DisbursementPhase } from '../../../domain/disbursement';

// Phases are the domain's own list; the console adds labels, colours and what moves by itself.
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

type RunRow = z.output<typeof runSchema>;
type RunDetailOutput = z.output<typeof runDetailSchema>;

/** A run (GET /api/disbursement-runs). */
export type Run = RaRecord & RunRow;

export type StreetTotal = RunDetailOutput['totalsByStreet'][number];
export type CommunityTotal = RunDetailOutput['totalsByCommunity'][number];

export interface CheckReport {
  ok: boolean;
  expectedLines: number;
  actualLines: number;
  expectedFen: number;
  actualFen: number;
  differences: { enrollmentId: number; expectedFen: number | null; actualFen: number | null; lines: number }[];
}

export interface RunReport {
  lines: { status: string; kind: string; lines: number; fen: number }[];
  openLines: number;
}

/** GET /api/disbursement-runs/:id: the list row and the rest, which only the page has (so optional). */
export type RunDetail = Run &
  Partial<Omit<RunDetailOutput, keyof RunRow | 'checkReport' | 'report'>> & {
    // The contract leaves both reports open (unknown); the console reads the shapes the workflow saves.
    checkReport?: CheckReport | null;
    report?: RunReport | null;
  };
