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

// A NumberInput bound to an API fen field shows yuan: its 400 message then lands under it as is.
/** NumberInput `format`: fen in the form state → the yuan text shown. */
export const fenAsYuanText = (fen: unknown): string =>
  typeof fen === 'number' && Number.isFinite(fen) ? String(fen / 100) : '';

/** NumberInput `parse`: the yuan typed → integer fen; null when empty, NaN when not an amount (see `validFen`). */
export function yuanTextAsFen(yuan: unknown): number | null {
  if (yuan === '' || yuan === null || yuan === undefined) return null;
  const fen = parseYuan(String(yuan));
  return fen === undefined ? Number.NaN : fen;
}

/** react-admin validator for a fen field typed in yuan. */
export const validFen = (fen: unknown): string | undefined =>
  fen === null || fen === undefined || (typeof fen === 'number' && Number.isSafeInteger(fen))
    ? undefined
    : 'shequ.validation.yuan';
