import { computeAllowance, yuan, type AllowanceStandard } from './allowance.js';

// Monthly disbursement (每月发放): one run per period pays every household enrolled on the
// period's cut-off date exactly once. "该发的一分不少": amounts are whole fen end to end.

export const disbursementPhases = [
  'building',
  'totals',
  'checking',
  'stopped', // an invariant failed: waits for a supervisor
  'awaiting_signoff',
  'rejected',
  'bank_file',
  'submitted',
  'resolving', // failed bank lines: re-issue or carry as arrears
  'completed',
] as const;
export type DisbursementPhase = (typeof disbursementPhases)[number];

export const paymentKinds = ['regular', 'arrears', 'reissue'] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export const paymentStatuses = ['pending', 'submitted', 'paid', 'failed', 'reissued', 'carried', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const bankFailureReasons = ['account_closed', 'name_mismatch'] as const;
export type BankFailureReason = (typeof bankFailureReasons)[number];

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (p: string) => PERIOD.test(p);

/** The cut-off date of a period: its first day. Terms start on the 1st, so it picks the term of that month. */
export function cutoffOf(period: string): string {
  if (!isPeriod(period)) throw new Error(`period must be YYYY-MM, got ${period}`);
  return `${period}-01`;
}

export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The period a run started at `at` pays: the Shanghai month it starts in. */
export function periodAt(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** `disbursement-YYYY-MM`; the prefix (SHEQU_WORKFLOW_ID_PREFIX, empty in production) lets test environments share a namespace. */
export const disbursementWorkflowId = (period: string, prefix = '') => `${prefix}disbursement-${period}`;

/**
 * A household's amount for a period, from its term (members, total income) and the standard in
 * force on the cut-off date: a standard raised from a date applies from that month on without
 * anyone re-entering figures. Returns 0 when the household is no longer below the standard.
 */
export function lineAmount(standard: AllowanceStandard, term: { members: number; totalIncomeFen: number }): number {
  return computeAllowance({ standard, incomesFen: [term.totalIncomeFen, ...Array(term.members - 1).fill(0)] })
    .amountFen;
}

/** One line of the bank file: what the bank needs and nothing more. */
export interface BankLine {
  lineId: number;
  account: string;
  name: string;
  amountFen: number;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function bankFileCsv(lines: readonly BankLine[]): string {
  const rows = lines.map((l) =>
    [String(l.lineId), l.account, csvField(l.name), yuan(l.amountFen).replace('¥', '')].join(','),
  );
  return ['line_id,account,name,amount_yuan', ...rows].join('\r\n') + '\r\n';
}

export function parseBankFile(csv: string): BankLine[] {
  return csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => {
      const m = /^(\d+),(\d+),("(?:[^"]|"")*"|[^,]*),(-?\d+)\.(\d{2})$/.exec(row);
      if (!m) throw new Error(`bad bank file row: ${row}`);
      const name = m[3].startsWith('"') ? m[3].slice(1, -1).replaceAll('""', '"') : m[3];
      return { lineId: Number(m[1]), account: m[2], name, amountFen: Number(m[4]) * 100 + Number(m[5]) };
    });
}

/**
 * The simulated bank's answer for a line: deterministic in (line, account), so a crash and a
 * replay see the same answer, and a corrected account gets a fresh one.
 */
export function simulatedBankOutcome(
  lineId: number,
  account: string,
  failureRate: number,
): { ok: true } | { ok: false; reason: BankFailureReason } {
  let h = 2166136261;
  for (const ch of `${lineId}:${account}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const u = h / 2 ** 32;
  if (u >= failureRate) return { ok: true };
  return { ok: false, reason: bankFailureReasons[h % 2] };
}
