// Incomes are typed in yuan ("1234.5") and sent as integer fen, converted without floating point.

const YUAN = /^\d{1,7}(\.\d{0,2})?$/;

/** "1234.5" → 123450; undefined when it is not a non-negative amount with at most 2 decimals. */
export function parseYuan(text: string): number | undefined {
  const t = text.trim();
  if (!YUAN.test(t)) return undefined;
  const [whole, cents = ''] = t.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** 123450 → "1234.50" (what the input starts with). */
export const fenToYuanText = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
