import { computeAllowance, standardOn, yuan, type AllowanceCalculation, type AllowanceStandard } from './allowance.js';
import { householdCategories, memberRelations, type HouseholdCategory, type MemberRelation } from './benefit-stages.js';
import { csvLine, parseCsv, type CsvRecord } from './csv.js';
import { birthDateFromId, idNumberMessages, idNumberProblem } from './id-number.js';

// The existing caseload of a bureau, one CSV row per household member, checked row by row
// before anything is loaded: a file either loads whole or not at all, and every bad row is
// reported at once so the office fixes its spreadsheet in one pass, not one error at a time.
// Checks that need the database (community codes, ID numbers in active cases) are in
// db/caseload-import.ts; everything that can be decided from the file alone is here.

export const caseloadColumns = [
  'household_ref',
  'community_code',
  'address',
  'category',
  'bank_account',
  'enrolled_from',
  'amount_fen',
  'name',
  'id_number',
  'relation',
  'disabled',
  'monthly_income_fen',
  'next_recheck_on',
] as const;
export type CaseloadColumn = (typeof caseloadColumns)[number];

const optionalColumns: readonly CaseloadColumn[] = ['disabled', 'next_recheck_on'];

/** Columns that describe the household: repeated on each member row, and must agree. */
const householdColumns: readonly CaseloadColumn[] = [
  'community_code',
  'address',
  'category',
  'bank_account',
  'enrolled_from',
  'amount_fen',
  'next_recheck_on',
];

export interface CaseloadRowError {
  row: number; // as a spreadsheet numbers it: the header is row 1
  field: string; // a column name, or '_' for the row or file as a whole
  message: string;
}

export interface CaseloadMember {
  row: number;
  name: string;
  idNumber: string;
  relation: MemberRelation;
  birthDate: string;
  disabled: boolean;
  monthlyIncomeFen: number;
}

export interface CaseloadHousehold {
  ref: string;
  row: number; // first row of the household
  communityCode: string;
  address: string;
  category: HouseholdCategory;
  bankAccount: string;
  /** The date the current amount applies from: the start of the household's current term. */
  enrolledFrom: string;
  amountFen: number;
  nextRecheckOn: string | null;
  headName: string;
  members: CaseloadMember[];
  calculation: AllowanceCalculation;
}

export type CaseloadParse =
  { ok: true; households: CaseloadHousehold[]; members: number } | { ok: false; errors: CaseloadRowError[] };

export const MAX_MEMBERS_PER_HOUSEHOLD = 20;

// Office spreadsheets are often typed in Chinese: accept the Chinese words beside the codes.
const relationWords: Record<string, MemberRelation> = {
  户主: 'head',
  本人: 'head',
  配偶: 'spouse',
  妻: 'spouse',
  夫: 'spouse',
  子女: 'child',
  子: 'child',
  女: 'child',
  父母: 'parent',
  父: 'parent',
  母: 'parent',
  孙子女: 'grandchild',
  孙子: 'grandchild',
  孙女: 'grandchild',
  兄弟姐妹: 'sibling',
  其他: 'other',
};
const trueWords = new Set(['true', '1', '是', 'yes', 'y']);
const falseWords = new Set(['false', '0', '否', 'no', 'n', '']);

const msg = {
  required: '必填 (required)',
  unknownColumn: '未知的列 (unknown column)',
  duplicateColumn: '列名重复 (column appears twice)',
  missingColumn: '缺少此列 (column missing from the header)',
  fieldCount: (got: number, want: number) =>
    `本行有${got}个字段，表头有${want}列 (row has ${got} fields, the header ${want})`,
  empty: '文件中没有数据行 (the file has no data rows)',
  category: '类别应为 A、B 或 C (category must be A, B or C)',
  relation: `与户主关系应为 ${memberRelations.join('/')} 或 户主/配偶/子女/父母/孙子女/兄弟姐妹/其他 (unknown relation)`,
  disabled: '应为 true/false/1/0/是/否 (must be true/false/1/0/是/否)',
  fen: '应为不小于0的整数（分）(must be whole fen, not negative)',
  date: '日期格式应为 YYYY-MM-DD 且为有效日期 (must be a real date YYYY-MM-DD)',
  bankAccount: '银行账号应为12–30位数字 (bank account must be 12–30 digits)',
  tooLong: (max: number) => `不能超过${max}个字符 (at most ${max} characters)`,
  duplicateId: (row: number) => `身份证号与第${row}行重复 (same ID number as row ${row})`,
  noHead: '该户没有户主 (the household has no head: exactly one member must be relation head)',
  secondHead: (row: number) => `该户已有户主（第${row}行）(the household already has a head, row ${row})`,
  disagrees: (field: string, row: number, value: string) =>
    `与该户第${row}行不一致（${value || '空'}）(${field} differs from the household's row ${row}: "${value}")`,
  tooManyMembers: `一户最多${MAX_MEMBERS_PER_HOUSEHOLD}人 (at most ${MAX_MEMBERS_PER_HOUSEHOLD} members per household)`,
  noStandard: (date: string) => `${date} 没有生效的低保标准 (no allowance standard in force on ${date})`,
  notEligible: (c: AllowanceCalculation) =>
    `人均收入 ${yuan(c.perCapitaIncomeFen)} 不低于标准 ${yuan(c.standardFen)}，不符合低保条件 (per-capita income reaches the standard: not eligible)`,
  amount: (c: AllowanceCalculation, date: string) =>
    `金额应为 ${c.amountFen} 分（${yuan(c.amountFen)}，按 ${c.standardEffectiveFrom} 起标准 ${yuan(c.standardFen)}/人/月计算：${c.formula}）(expected ${c.amountFen} fen with the standard in force on ${date})`,
  recheckBeforeEnrolled: '复核日期早于入保日期 (next re-check is before enrolled_from)',
};

function relationOf(text: string): MemberRelation | undefined {
  const lower = text.toLowerCase();
  return (memberRelations as readonly string[]).includes(lower)
    ? (lower as MemberRelation)
    : Object.hasOwn(relationWords, text)
      ? relationWords[text]
      : undefined;
}

const isDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const fenOf = (s: string): number | null => (/^\d{1,13}$/.test(s) ? Number(s) : null);

interface ParsedRow {
  row: number;
  values: Record<CaseloadColumn, string>;
  member: CaseloadMember | null; // null when a member field is invalid
  amountFen: number | null;
}

export interface CaseloadOptions {
  /** Allowance standards, effective-dated; the one in force on enrolled_from prices the household. */
  standards: readonly AllowanceStandard[];
}

export function parseCaseload(text: string, opts: CaseloadOptions): CaseloadParse {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.row, field: '_', message: csv.message }] };
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== '')); // blank lines
  if (!records.length) return { ok: false, errors: [{ row: 1, field: '_', message: msg.empty }] };

  const header = readHeader(records[0]);
  if (!header.ok) return { ok: false, errors: header.errors };
  const body = records.slice(1);
  if (!body.length) return { ok: false, errors: [{ row: 1, field: '_', message: msg.empty }] };

  const errors: CaseloadRowError[] = [];
  const err = (row: number, field: string, message: string) => errors.push({ row, field, message });

  const rows: ParsedRow[] = [];
  for (const rec of body) {
    if (rec.fields.length !== header.columns.length) {
      err(rec.row, '_', msg.fieldCount(rec.fields.length, header.columns.length));
      continue;
    }
    const values = {} as Record<CaseloadColumn, string>;
    header.columns.forEach((c, i) => (values[c] = rec.fields[i].trim()));
    for (const c of optionalColumns) values[c] ??= '';
    rows.push(parseRow(rec.row, values, err));
  }

  // An ID number may appear once in the whole file: one person, one household, one case.
  const firstRowOfId = new Map<string, number>();
  for (const r of rows) {
    if (!r.member) continue;
    const first = firstRowOfId.get(r.member.idNumber);
    if (first !== undefined) err(r.row, 'id_number', msg.duplicateId(first));
    else firstRowOfId.set(r.member.idNumber, r.row);
  }

  const groups = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    if (!r.values.household_ref) continue; // reported as required
    const g = groups.get(r.values.household_ref);
    if (g) g.push(r);
    else groups.set(r.values.household_ref, [r]);
  }

  const households: CaseloadHousehold[] = [];
  for (const [ref, group] of groups) {
    const h = checkHousehold(ref, group, opts, err);
    if (h) households.push(h);
  }

  if (errors.length) {
    errors.sort(
      (a, b) =>
        a.row - b.row ||
        caseloadColumns.indexOf(a.field as CaseloadColumn) - caseloadColumns.indexOf(b.field as CaseloadColumn),
    );
    return { ok: false, errors };
  }
  return { ok: true, households, members: households.reduce((n, h) => n + h.members.length, 0) };
}

function readHeader(
  rec: CsvRecord,
): { ok: true; columns: CaseloadColumn[] } | { ok: false; errors: CaseloadRowError[] } {
  const errors: CaseloadRowError[] = [];
  const names = rec.fields.map((f) => f.trim().toLowerCase());
  const seen = new Set<string>();
  for (const n of names) {
    if (!(caseloadColumns as readonly string[]).includes(n))
      errors.push({ row: rec.row, field: n || '_', message: msg.unknownColumn });
    else if (seen.has(n)) errors.push({ row: rec.row, field: n, message: msg.duplicateColumn });
    seen.add(n);
  }
  for (const c of caseloadColumns)
    if (!seen.has(c) && !optionalColumns.includes(c))
      errors.push({ row: rec.row, field: c, message: msg.missingColumn });
  return errors.length ? { ok: false, errors } : { ok: true, columns: names as CaseloadColumn[] };
}

function parseRow(
  row: number,
  v: Record<CaseloadColumn, string>,
  err: (row: number, field: string, message: string) => void,
): ParsedRow {
  let valid = true;
  const bad = (field: CaseloadColumn, message: string) => {
    err(row, field, message);
    valid = false;
  };
  for (const c of caseloadColumns) if (!optionalColumns.includes(c) && !v[c]) bad(c, msg.required);

  if (v.household_ref.length > 50) bad('household_ref', msg.tooLong(50));
  if (v.address.length > 200) bad('address', msg.tooLong(200));
  if (v.name.length > 50) bad('name', msg.tooLong(50));
  v.category = v.category.toUpperCase();
  if (v.category && !(householdCategories as readonly string[]).includes(v.category)) bad('category', msg.category);
  if (v.bank_account && !/^\d{12,30}$/.test(v.bank_account)) bad('bank_account', msg.bankAccount);
  if (v.enrolled_from && !isDate(v.enrolled_from)) bad('enrolled_from', msg.date);
  if (v.next_recheck_on && !isDate(v.next_recheck_on)) bad('next_recheck_on', msg.date);
  else if (v.next_recheck_on && isDate(v.enrolled_from) && v.next_recheck_on < v.enrolled_from)
    bad('next_recheck_on', msg.recheckBeforeEnrolled);

  const amountFen = v.amount_fen ? fenOf(v.amount_fen) : null;
  if (v.amount_fen && amountFen === null) bad('amount_fen', msg.fen);
  const income = v.monthly_income_fen ? fenOf(v.monthly_income_fen) : null;
  if (v.monthly_income_fen && income === null) bad('monthly_income_fen', msg.fen);

  const idNumber = v.id_number.toUpperCase();
  v.id_number = idNumber;
  if (idNumber) {
    const problem = idNumberProblem(idNumber);
    if (problem) bad('id_number', idNumberMessages[problem]);
  }
  const relation = relationOf(v.relation);
  if (v.relation && !relation) bad('relation', msg.relation);
  const disabledWord = v.disabled.toLowerCase();
  if (!trueWords.has(disabledWord) && !falseWords.has(disabledWord)) bad('disabled', msg.disabled);

  const member: CaseloadMember | null = valid
    ? {
        row,
        name: v.name,
        idNumber,
        relation: relation!,
        birthDate: birthDateFromId(idNumber),
        disabled: trueWords.has(disabledWord),
        monthlyIncomeFen: income!,
      }
    : null;
  return { row, values: v, member, amountFen };
}

function checkHousehold(
  ref: string,
  group: ParsedRow[],
  opts: CaseloadOptions,
  err: (row: number, field: string, message: string) => void,
): CaseloadHousehold | null {
  const first = group[0];
  let consistent = true;
  for (const r of group.slice(1)) {
    for (const c of householdColumns) {
      if (r.values[c] !== first.values[c]) {
        err(r.row, c, msg.disagrees(c, first.row, r.values[c]));
        consistent = false;
      }
    }
  }

  const heads = group.filter((r) => relationOf(r.values.relation) === 'head');
  if (heads.length === 0) err(first.row, 'relation', msg.noHead);
  for (const extra of heads.slice(1)) err(extra.row, 'relation', msg.secondHead(heads[0].row));
  if (group.length > MAX_MEMBERS_PER_HOUSEHOLD) err(group[MAX_MEMBERS_PER_HOUSEHOLD].row, '_', msg.tooManyMembers);

  // The amount can only be checked once every member's figures are readable.
  if (
    !consistent ||
    heads.length !== 1 ||
    group.length > MAX_MEMBERS_PER_HOUSEHOLD ||
    group.some((r) => !r.member) ||
    first.amountFen === null
  )
    return null;
  const standard = standardOn(opts.standards, first.values.enrolled_from);
  if (!standard) {
    err(first.row, 'enrolled_from', msg.noStandard(first.values.enrolled_from));
    return null;
  }
  const members = group.map((r) => r.member!);
  const calculation = computeAllowance({ standard, incomesFen: members.map((m) => m.monthlyIncomeFen) });
  if (!calculation.eligible) {
    err(first.row, 'monthly_income_fen', msg.notEligible(calculation));
    return null;
  }
  if (calculation.amountFen !== first.amountFen) {
    err(first.row, 'amount_fen', msg.amount(calculation, first.values.enrolled_from));
    return null;
  }
  const v = first.values;
  return {
    ref,
    row: first.row,
    communityCode: v.community_code,
    address: v.address,
    category: v.category as HouseholdCategory,
    bankAccount: v.bank_account,
    enrolledFrom: v.enrolled_from,
    amountFen: first.amountFen,
    nextRecheckOn: v.next_recheck_on || null,
    headName: heads[0].member!.name,
    members,
    calculation,
  };
}

/** Writes households back as caseload CSV (the demo seed and tests build their files with it). */
export function caseloadCsv(
  rows: ReadonlyArray<Partial<Record<CaseloadColumn, string | number | boolean | null>>>,
): string {
  const lines = [csvLine(caseloadColumns), ...rows.map((r) => csvLine(caseloadColumns.map((c) => r[c])))];
  return `${lines.join('\r\n')}\r\n`;
}
