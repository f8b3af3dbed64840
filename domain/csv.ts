// RFC 4180 CSV as spreadsheets export it: quoted fields may hold commas, quotes ("") and line
// breaks; lines end in CRLF or LF; Excel on Chinese Windows prepends a UTF-8 BOM. Pure: no I/O.

export interface CsvRecord {
  /** 1-based record number, the header being 1: the row number a spreadsheet shows. */
  row: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; row: number; message: string };

export function parseCsv(text: string): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field started with a quote
  let row = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row++;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (src[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted)
        return {
          ok: false,
          row,
          message: '引号只能出现在字段开头 (a quote may only open a field; double it inside a quoted field)',
        };
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
    } else {
      if (wasQuoted) return { ok: false, row, message: '引号字段结束后还有字符 (characters after a closing quote)' };
      field += c;
    }
  }
  if (quoted) return { ok: false, row, message: '引号未闭合 (unterminated quoted field)' };
  if (field !== '' || wasQuoted || fields.length) endRecord();
  return { ok: true, records };
}

/** Quotes a field when it needs it, for writing CSV. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: ReadonlyArray<string | number | boolean | null | undefined>) =>
  values.map(csvField).join(',');
