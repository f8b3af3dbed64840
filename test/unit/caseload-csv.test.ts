import { describe, expect, it } from 'vitest';
import { caseloadColumns, caseloadCsv, parseCaseload, type CaseloadColumn } from '../../domain/caseload-csv.js';
import { parseCsv } from '../../domain/csv.js';
import { idNumber } from '../support/fixtures.js';

const standards = [
  { effectiveFrom: '2024-07-01', standardFen: 86_000, floorPerPersonFen: 3_000 },
  { effectiveFrom: '2025-07-01', standardFen: 89_000, floorPerPersonFen: 3_000 },
];

type Row = Partial<Record<CaseloadColumn, string | number | boolean | null>>;

// Two households: a couple topped up by the gap, a single person lifted to the floor.
function goodRows(): Row[] {
  const h1 = {
    household_ref: 'H1',
    community_code: 'cd-01',
    address: '东风路12号3幢201室',
    category: 'C',
    bank_account: '6228480123456789012',
    enrolled_from: '2025-07-01',
    amount_fen: 128_000,
  };
  const h2 = {
    household_ref: 'H2',
    community_code: 'cx-02',
    address: '五一路8号',
    category: 'A',
    bank_account: '622202110012345',
    enrolled_from: '2025-08-01',
    amount_fen: 3_000,
    next_recheck_on: '2026-08-01',
  };
  return [
    {
      ...h1,
      name: '赵大',
      id_number: idNumber('19750312', 11),
      relation: 'head',
      disabled: 'false',
      monthly_income_fen: 50_000,
    },
    {
      ...h1,
      name: '钱二',
      id_number: idNumber('19780101', 22),
      relation: 'spouse',
      disabled: '否',
      monthly_income_fen: 0,
    },
    {
      ...h2,
      name: '孙三',
      id_number: idNumber('19440909', 33),
      relation: '户主',
      disabled: '是',
      monthly_income_fen: 87_000,
    },
  ];
}

const parse = (rows: Row[]) => parseCaseload(caseloadCsv(rows), { standards });
const errorsOf = (rows: Row[]) => {
  const r = parse(rows);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('RFC 4180 parser', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const r = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n,,\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ['a', 'b', 'c'] },
        { row: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
        { row: 3, fields: ['', '', ''] },
      ],
    });
  });

  it('keeps a last line without a line break, and an empty quoted field', () => {
    expect(parseCsv('a,""\n1,2')).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ['a', ''] },
        { row: 2, fields: ['1', '2'] },
      ],
    });
  });

  it('refuses an unterminated quote and stray quotes, naming the row', () => {
    expect(parseCsv('a\n"open')).toMatchObject({ ok: false, row: 2 });
    expect(parseCsv('a\nx"y"')).toMatchObject({ ok: false, row: 2 });
    expect(parseCsv('a\n"x"y')).toMatchObject({ ok: false, row: 2 });
  });
});

describe('caseload CSV', () => {
  it('reads households, members and their computed amounts', () => {
    const r = parse(goodRows());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.members).toBe(3);
    expect(
      r.households.map((h) => [h.ref, h.headName, h.members.length, h.amountFen, h.calculation.standardFen]),
    ).toEqual([
      ['H1', '赵大', 2, 128_000, 89_000],
      ['H2', '孙三', 1, 3_000, 89_000],
    ]);
    const [h1, h2] = r.households;
    expect(h1.members[1]).toMatchObject({ relation: 'spouse', disabled: false, birthDate: '1978-01-01', row: 3 });
    expect(h2.members[0]).toMatchObject({ relation: 'head', disabled: true });
    expect(h2.nextRecheckOn).toBe('2026-08-01');
    expect(h1.nextRecheckOn).toBeNull();
    expect(h2.calculation.amountFen).toBe(h2.calculation.floorFen);
  });

  it('takes the columns in any order, with the optional ones left out', () => {
    const cols = [...caseloadColumns].filter((c) => c !== 'disabled' && c !== 'next_recheck_on').reverse();
    const rows = goodRows().slice(0, 2);
    const text = [cols.join(','), ...rows.map((r) => cols.map((c) => r[c]).join(','))].join('\n');
    const r = parseCaseload(text, { standards });
    expect(r.ok && r.households[0].members.length).toBe(2);
  });

  it('prices a household with the standard in force on enrolled_from', () => {
    const rows = goodRows()
      .slice(0, 2)
      .map((r) => ({ ...r, enrolled_from: '2025-06-30' }));
    const errors = errorsOf(rows);
    // 86000 × 2 − 50000 = 122000 under the 2024 standard, not 128000.
    expect(errors).toEqual([
      { row: 2, field: 'amount_fen', message: expect.stringMatching(/^金额应为 122000 分.*expected 122000 fen/) },
    ]);
    expect(parse(rows.map((r) => ({ ...r, amount_fen: 122_000 }))).ok).toBe(true);
  });

  it('refuses a household before any standard, and one whose income reaches the standard', () => {
    const early = goodRows().map((r) =>
      r.household_ref === 'H2' ? { ...r, enrolled_from: '2020-01-01', next_recheck_on: '' } : r,
    );
    expect(errorsOf(early)).toEqual([
      { row: 4, field: 'enrolled_from', message: expect.stringContaining('no allowance standard') },
    ]);
    const rich = goodRows().map((r) => (r.household_ref === 'H2' ? { ...r, monthly_income_fen: 89_000 } : r));
    expect(errorsOf(rich)).toEqual([
      { row: 4, field: 'monthly_income_fen', message: expect.stringContaining('not eligible') },
    ]);
  });

  it('reports every bad row at once: check digit, birth date, fen, category, relation, required fields', () => {
    const rows = goodRows();
    const good = idNumber('19750312', 11);
    rows[0] = { ...rows[0], id_number: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') };
    rows[1] = { ...rows[1], monthly_income_fen: '12.5', relation: 'cousin', name: '' };
    rows[2] = { ...rows[2], category: 'D', id_number: '321202194402300331', disabled: 'maybe' };
    const errors = errorsOf(rows);
    expect(errors.map((e) => `${e.row} ${e.field}`)).toEqual([
      '2 id_number',
      '3 name',
      '3 relation',
      '3 monthly_income_fen',
      '4 category',
      '4 id_number',
      '4 disabled',
    ]);
    expect(errors[0].message).toBe('身份证号校验位错误 (ID number check digit is wrong)');
    expect(errors[5].message).toContain('birth date');
  });

  it('refuses an ID number that appears twice in the file, naming the first row', () => {
    const rows = goodRows();
    rows[2] = { ...rows[2], id_number: rows[0].id_number };
    expect(errorsOf(rows)).toContainEqual({
      row: 4,
      field: 'id_number',
      message: '身份证号与第2行重复 (same ID number as row 2)',
    });
  });

  it('needs exactly one head per household', () => {
    const none = goodRows().map((r) => (r.relation === 'head' ? { ...r, relation: 'child' } : r));
    expect(errorsOf(none)).toEqual([{ row: 2, field: 'relation', message: expect.stringContaining('no head') }]);
    const two = goodRows().map((r) => (r.relation === 'spouse' ? { ...r, relation: '户主' } : r));
    expect(errorsOf(two)).toEqual([{ row: 3, field: 'relation', message: expect.stringContaining('row 2') }]);
  });

  it('needs the household columns to agree on every member row', () => {
    const rows = goodRows();
    rows[1] = { ...rows[1], amount_fen: 128_001, address: '东风路12号' };
    expect(errorsOf(rows).map((e) => `${e.row} ${e.field}`)).toEqual(['3 address', '3 amount_fen']);
  });

  it('checks dates, bank accounts and the re-check date', () => {
    const rows = goodRows();
    rows[2] = { ...rows[2], enrolled_from: '2025-02-30', bank_account: '12345' };
    expect(errorsOf(rows).map((e) => `${e.row} ${e.field}`)).toEqual(['4 bank_account', '4 enrolled_from']);
    const before = goodRows();
    before[2] = { ...before[2], next_recheck_on: '2025-01-01' };
    expect(errorsOf(before)).toEqual([
      { row: 4, field: 'next_recheck_on', message: expect.stringContaining('before enrolled_from') },
    ]);
  });

  it('names a missing or unknown column, and rows with the wrong number of fields', () => {
    const text = caseloadCsv(goodRows()).replace('amount_fen', 'amount');
    expect(parseCaseload(text, { standards })).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'amount', message: expect.stringContaining('unknown column') },
        { row: 1, field: 'amount_fen', message: expect.stringContaining('missing') },
      ],
    });
    const short = caseloadCsv(goodRows()).replace(/,6228480123456789012,/, ',');
    const r = parseCaseload(short, { standards });
    expect(r.ok === false && r.errors[0]).toMatchObject({
      row: 2,
      field: '_',
      message: expect.stringContaining('fields'),
    });
  });

  it('refuses an empty file', () => {
    expect(parseCaseload('', { standards })).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(parseCaseload(caseloadCsv([]), { standards })).toMatchObject({
      ok: false,
      errors: [{ row: 1, message: expect.stringContaining('no data rows') }],
    });
  });
});
