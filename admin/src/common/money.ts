/** Integer fen → "¥1,234.56". Integer arithmetic only, so no float rounding reaches the screen. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '';
  const abs = Math.abs(fen);
  const yuan = (abs - (abs % 100)) / 100;
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan.toLocaleString('en-US')}.${cents}`;
}

/** What the caseworker typed in yuan → the integer fen the API stores. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/** A monthly wage range: "¥3,000.00–¥4,500.00", or one amount when both ends agree. */
export const formatFenRange = (minFen: number, maxFen: number): string =>
  minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}–${formatFen(maxFen)}`;
