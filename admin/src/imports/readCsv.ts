/**
 * Reads an uploaded CSV as text. Spreadsheets on Chinese Windows often save GB18030 (GBK), not
 * UTF-8: try UTF-8 strictly first, fall back to GB18030, and drop a byte-order mark.
 */
export async function readCsv(file: File): Promise<{ text: string; encoding: 'UTF-8' | 'GB18030' }> {
  const bytes = await file.arrayBuffer();
  let text: string;
  let encoding: 'UTF-8' | 'GB18030' = 'UTF-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
    encoding = 'GB18030';
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}

/** Data rows: non-empty lines after the header. */
export const dataRowCount = (csv: string): number =>
  Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
