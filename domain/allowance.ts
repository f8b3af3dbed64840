// The dibao amount (低保金): the household's income is topped up to the local standard.
//   amount = (standard − per-capita income) × members, at least floor × members, in whole fen.
// (standard − total/members) × members equals standard × members − total exactly, so we compute
// that form and never round a fraction of a fen. Per-capita income is shown rounded down, for
// reading only; it never feeds the amount.

export interface AllowanceStandard {
  effectiveFrom: string; // YYYY-MM-DD, Asia/Shanghai calendar date
  standardFen: number; // per person per month
  floorPerPersonFen: number; // the least an eligible household gets, per person
}

export interface AllowanceInput {
  standard: AllowanceStandard;
  incomesFen: readonly number[]; // one monthly income per member
}

export interface AllowanceCalculation {
  standardFen: number;
  floorPerPersonFen: number;
  standardEffectiveFrom: string;
  members: number;
  totalIncomeFen: number;
  perCapitaIncomeFen: number;
  eligible: boolean;
  gapFen: number; // standard × members − total income
  floorFen: number; // floor × members
  amountFen: number;
  formula: string;
}

const isFen = (n: number) => Number.isSafeInteger(n) && n >= 0;

export function computeAllowance({ standard, incomesFen }: AllowanceInput): AllowanceCalculation {
  if (incomesFen.length === 0) throw new Error('a household has at least one member');
  if (!incomesFen.every(isFen)) throw new Error('incomes are whole fen, not negative');
  if (!isFen(standard.standardFen) || !isFen(standard.floorPerPersonFen))
    throw new Error('standard and floor are whole fen');
  const members = incomesFen.length;
  const totalIncomeFen = incomesFen.reduce((a, b) => a + b, 0);
  const gapFen = standard.standardFen * members - totalIncomeFen;
  const floorFen = standard.floorPerPersonFen * members;
  // Eligible only while per-capita income is below the standard: the floor tops up a small
  // gap, it does not enrol a household whose income already reaches the standard.
  const eligible = gapFen > 0;
  const amountFen = eligible ? Math.max(gapFen, floorFen) : 0;
  const perCapitaIncomeFen = Math.floor(totalIncomeFen / members);
  const formula = eligible
    ? `max((${yuan(standard.standardFen)} − ${yuan(totalIncomeFen)}/${members}) × ${members}, ${yuan(standard.floorPerPersonFen)} × ${members}) = ${yuan(amountFen)}`
    : `人均收入 ${yuan(perCapitaIncomeFen)} ≥ 标准 ${yuan(standard.standardFen)}：不符合条件 (per-capita income reaches the standard: not eligible)`;
  return {
    standardFen: standard.standardFen,
    floorPerPersonFen: standard.floorPerPersonFen,
    standardEffectiveFrom: standard.effectiveFrom,
    members,
    totalIncomeFen,
    perCapitaIncomeFen,
    eligible,
    gapFen,
    floorFen,
    amountFen,
    formula,
  };
}

/** The standard in force on `date` (YYYY-MM-DD): the latest one whose effectiveFrom ≤ date. */
export function standardOn<T extends AllowanceStandard>(standards: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const s of standards) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best;
}

/** ¥ with two decimals from whole fen, without floating point. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
