import fc from 'fast-check';
import type { Knex } from 'knex';
import { isPeriod } from '../../domain/disbursement.js';
import { idCheckChar, idNumberProblem } from '../../domain/id-number.js';

// Bad inputs generated from the OpenAPI document (test/api/bad-input.test.ts): for every request
// body and every list query, inputs the document (or a field-name convention the API keeps:
// `…Fen` is whole non-negative fen, `idNumber` has a check digit, `period` is YYYY-MM) says must
// be refused. Every input differs from a valid request in one place only, so the refusal must
// name that place. Nothing here generates an input the API may accept: an accepted input would
// change the database, and the test checks it did not.

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI path, e.g. /api/users/{id} */
  path: string;
  roles?: string[];
  /** Needs a signed-in user (the document lists an Authorization header). */
  auth: boolean;
  body?: JsonSchema;
  list: boolean;
}

export type Category =
  | 'malformed-json'
  | 'not-an-object'
  | 'content-type'
  | 'body-limit'
  | 'wrong-type'
  | 'missing-field'
  | 'extra-field'
  | 'out-of-bounds'
  | 'huge-string'
  | 'control-chars'
  | 'mixed-scripts'
  | 'fen'
  | 'id-number'
  | 'impossible-date'
  | 'range'
  | 'sort'
  | 'filter';

export interface BadInput {
  category: Category;
  /** What is wrong, for the report. */
  note: string;
  /** Raw request body text (body operations). */
  text?: string;
  contentType?: string;
  /** Raw query string without `?` (list operations). */
  query?: string;
  /** The refusal (400) must name this field, or one inside it, in `errors`. */
  field?: string;
  /** Acceptable statuses. */
  statuses: number[];
}

export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      const query = params.filter((p) => p.in === 'query').map((p) => p.name);
      const list = method === 'get' && ['sort', 'range', 'filter'].every((n) => query.includes(n));
      if (!body && !list) continue;
      // A public route says `security: []`; every other one inherits the document's bearer scheme.
      const auth = !(Array.isArray(op.security) && op.security.length === 0);
      out.push({ method: method.toUpperCase() as Operation['method'], path, roles: op['x-roles'], auth, body, list });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid values, from the schema and the field name.

type Path = (string | number)[];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function validIdNumber(region = 321202, birth = '19650312', seq = 41): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const isIdNumberField = (name: string) => name === 'idNumber';
const isPeriodField = (name: string) => name === 'period' || /Period$/.test(name);
const isFenField = (name: string) => /Fen$/.test(name);
const isDateField = (name: string, s: JsonSchema) => s.format === 'date' || /(On|Date)$/.test(name) || name === 'date';
const isDateTimeField = (name: string, s: JsonSchema) => s.format === 'date-time' || /At$/.test(name);

function kindOf(s: JsonSchema): 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'unknown' {
  if (s.enum) return 'enum';
  if (s.anyOf && s.anyOf.every((o) => o.enum)) return 'enum';
  if (
    s.type === 'string' ||
    s.type === 'integer' ||
    s.type === 'number' ||
    s.type === 'boolean' ||
    s.type === 'array' ||
    s.type === 'object'
  )
    return s.type;
  return 'unknown';
}

const enumValues = (s: JsonSchema): unknown[] => s.enum ?? s.anyOf?.flatMap((o) => o.enum ?? []) ?? [];

export function validSample(s: JsonSchema, name = ''): unknown {
  switch (kindOf(s)) {
    case 'enum':
      return enumValues(s)[0];
    case 'boolean':
      return false;
    case 'integer':
    case 'number': {
      let v = s.minimum === undefined ? 1 : s.exclusiveMinimum ? s.minimum + 1 : s.minimum;
      if (v < 1 && (s.maximum === undefined || s.maximum >= 1)) v = 1;
      return v;
    }
    case 'array': {
      const n = Math.max(1, s.minItems ?? 0);
      return s.items ? Array.from({ length: n }, () => validSample(s.items!, name)) : [];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = validSample(p, k);
      return out;
    }
    case 'string': {
      if (isIdNumberField(name)) return validIdNumber();
      if (isPeriodField(name)) return '2026-03';
      if (s.format === 'date') return '2026-03-16';
      if (s.format === 'date-time')
        return /^ends?|End|until/i.test(name) ? '2030-06-15T12:00:00+08:00' : '2030-06-15T10:00:00+08:00';
      if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 7 })[0];
      const min = Math.max(s.minLength ?? 0, 2);
      const v = 'ok测试abcdefghij'.repeat(Math.ceil(min / 14) + 1).slice(0, Math.max(min, 6));
      return s.maxLength !== undefined ? v.slice(0, s.maxLength) : v;
    }
    default:
      return 'x';
  }
}

/** Whether a string is one the field refuses, by what the document and the name say. */
function refusesString(s: JsonSchema, name: string, v: string): boolean {
  const t = v.trim();
  if (kindOf(s) === 'enum') return !enumValues(s).includes(v);
  if (s.maxLength !== undefined && t.length > s.maxLength) return true;
  if (s.minLength !== undefined && t.length < s.minLength) return true;
  if (s.pattern && !new RegExp(s.pattern).test(t)) return true;
  if (isIdNumberField(name)) return idNumberProblem(t.toUpperCase()) !== null;
  if (isPeriodField(name)) return !isPeriod(t);
  if (s.format === 'date') return !isCalendarDate(v);
  if (s.format === 'date-time') return !isDateTime(v);
  return false;
}

const constrainedString = (s: JsonSchema, name: string) =>
  kindOf(s) === 'enum' || !!s.pattern || !!s.format || isIdNumberField(name) || isPeriodField(name);

export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isDateTime(v: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.exec(v);
  return !!m && isCalendarDate(m[1]);
}

// ---------------------------------------------------------------------------------------------
// Building request texts: the valid body with one change.

const RAW = '__bad_input_raw_token__';

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root);
  if (!path.length) return value;
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  Object.defineProperty(cur, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root);
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  delete cur[path[path.length - 1]];
  return copy;
}

/** JSON text; a value `{ [RAW]: 'text' }` is written as that raw text (e.g. 1e400). */
function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && RAW in v) {
      raws.push(v[RAW]);
      return `${RAW}${raws.length - 1}`;
    }
    return v;
  });
  return text.replace(new RegExp(`"${RAW}(\\d+)"`, 'g'), (_m, i) => raws[Number(i)]);
}
const raw = (text: string) => ({ [RAW]: text });

const fieldName = (path: Path) => path.map(String).join('.');
const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : jsonText(v);
  return s.length > 80 ? `${s.slice(0, 60)}…(${s.length} chars)` : s;
};

interface Node {
  path: Path;
  name: string;
  schema: JsonSchema;
  required: boolean;
}

function nodesOf(schema: JsonSchema): { fields: Node[]; objects: Node[] } {
  const fields: Node[] = [];
  const objects: Node[] = [];
  const walk = (s: JsonSchema, path: Path, name: string, required: boolean) => {
    if (path.length) fields.push({ path, name, schema: s, required });
    if (kindOf(s) === 'object' && s.properties) {
      objects.push({ path, name, schema: s, required });
      for (const [k, p] of Object.entries(s.properties)) walk(p, [...path, k], k, s.required?.includes(k) ?? false);
    } else if (kindOf(s) === 'object' && s.additionalProperties === undefined) {
      objects.push({ path, name, schema: s, required });
    }
    if (kindOf(s) === 'array' && s.items) walk(s.items, [...path, 0], name, false);
  };
  walk(schema, [], '', true);
  return { fields, objects };
}

// ---------------------------------------------------------------------------------------------
// Bad values per field.

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\ud800',
  '\udfff',
];

const lookalikes: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};
const scripts = {
  fullwidth: (s: string) => s.replace(/[0-9A-Za-z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  arabicIndic: (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))),
  devanagari: (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d))),
  cyrillic: (s: string) => s.replace(/[aceopxyisABCEHKMOPTX]/g, (c) => lookalikes[c]),
  hanInside: (s: string) => (s.length > 1 ? `${s.slice(0, 1)}王${s.slice(1)}` : `${s}王`),
  hangulSuffix: (s: string) => `${s}한`,
};

function wrongTypes(s: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const k = kindOf(s);
  if (k === 'unknown') return undefined;
  const numericEnum = k === 'enum' && enumValues(s).every((v) => typeof v === 'number');
  const pool: fc.Arbitrary<unknown>[] = [];
  if (k !== 'string' && (k !== 'enum' || numericEnum))
    pool.push(fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -99, max: 999 }).map(String)));
  if (k !== 'integer' && k !== 'number' && !numericEnum)
    pool.push(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
  if (k === 'integer')
    pool.push(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((x) => !Number.isInteger(x)),
    );
  if (k !== 'boolean') pool.push(fc.boolean());
  if (!s.nullable) pool.push(fc.constant(null));
  if (k !== 'array') pool.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (k !== 'object') pool.push(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
  return fc.oneof(...pool);
}

function outOfBounds(s: JsonSchema, name: string, base: unknown): fc.Arbitrary<unknown> | undefined {
  const k = kindOf(s);
  const pool: fc.Arbitrary<unknown>[] = [];
  if (k === 'integer' || k === 'number') {
    if (s.minimum !== undefined)
      pool.push(fc.integer({ min: s.minimum - 1_000_000, max: s.exclusiveMinimum ? s.minimum : s.minimum - 1 }));
    if (s.maximum !== undefined && s.maximum < MAX_SAFE)
      pool.push(fc.integer({ min: s.maximum + 1, max: Math.min(MAX_SAFE, s.maximum * 10 + 1_000_000) }));
    if (s.maximum !== undefined) pool.push(fc.constantFrom(2 ** 53, 1e16, 1e300, -(2 ** 53)));
  }
  if (k === 'enum') {
    const values = enumValues(s);
    if (values.every((v) => typeof v === 'number'))
      pool.push(fc.integer({ min: -100, max: 100 }).filter((v) => !values.includes(v)));
    else {
      const first = String(values[0]);
      pool.push(
        fc.string({ maxLength: 12 }).filter((v) => !values.includes(v)),
        fc
          .constantFrom(first.toUpperCase(), `${first} `, ` ${first}`, `${first}x`, '', first.slice(0, -1))
          .filter((v) => !values.includes(v)),
      );
    }
  }
  if (k === 'string' && (s.minLength ?? 0) >= 1) pool.push(fc.constant(''));
  if (k === 'string' && s.pattern) pool.push(fc.string({ maxLength: 12 }).filter((v) => refusesString(s, name, v)));
  if (k === 'array' && Array.isArray(base)) {
    const item = base[0];
    if (s.maxItems !== undefined)
      pool.push(
        fc.integer({ min: s.maxItems + 1, max: s.maxItems + 5 }).map((n) => Array.from({ length: n }, () => item)),
      );
    if ((s.minItems ?? 0) >= 1) pool.push(fc.constant(Array.from({ length: s.minItems! - 1 }, () => item)));
  }
  return pool.length ? fc.oneof(...pool) : undefined;
}

function hugeStrings(s: JsonSchema, name: string): fc.Arbitrary<string> | undefined {
  if (kindOf(s) !== 'string' && kindOf(s) !== 'enum') return undefined;
  if (kindOf(s) === 'enum' && !enumValues(s).every((v) => typeof v === 'string')) return undefined;
  const units = fc.constantFrom('a', 'Z', '9', '王', 'é', '_', '7', 'ok');
  let lengths: fc.Arbitrary<number>;
  if (s.maxLength !== undefined)
    lengths = fc.oneof(
      fc.integer({ min: s.maxLength + 1, max: s.maxLength * 3 + 50 }),
      fc.integer({ min: 50_000, max: 200_000 }),
    );
  else if (constrainedString(s, name)) lengths = fc.integer({ min: 40, max: 20_000 });
  else return undefined;
  return fc
    .tuple(lengths, units)
    .map(([n, u]) => u.repeat(Math.ceil(n / u.length)).slice(0, n))
    .filter((v) => refusesString(s, name, v) || v.trim().length > (s.maxLength ?? Infinity));
}

function withControl(s: JsonSchema, base: unknown): fc.Arbitrary<string> | undefined {
  if (kindOf(s) !== 'string' && !(kindOf(s) === 'enum' && typeof base === 'string')) return undefined;
  const text = typeof base === 'string' && base.length >= 2 ? base : `ok${String(base ?? '')}`;
  return fc
    .tuple(fc.constantFrom(...CONTROL), fc.integer({ min: 1, max: text.length - 1 }), fc.integer({ min: 1, max: 3 }))
    .map(([c, at, n]) => text.slice(0, at) + c.repeat(n) + text.slice(at));
}

function mixedScripts(s: JsonSchema, name: string, base: unknown): fc.Arbitrary<string> | undefined {
  if (typeof base !== 'string' || !constrainedString(s, name)) return undefined;
  const candidates = Object.values(scripts)
    .map((f) => f(base))
    .filter((v) => v !== base && refusesString(s, name, v));
  return candidates.length ? fc.constantFrom(...candidates) : undefined;
}

function badFen(s: JsonSchema): fc.Arbitrary<unknown> {
  const max = s.maximum ?? 100_000_000;
  return fc.oneof(
    fc.integer({ min: -100_000_000, max: -1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: -1e-3 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: 1e-3, max: 1e6 }).filter((x) => !Number.isInteger(x)),
    fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(0.5, 0.25, 0.01, 0.999)).map(([n, f]) => n + f),
    fc.integer({ min: max + 1, max: max * 100 }),
    fc.integer({ min: 0, max: 99_999 }).map(String),
    fc.constantFrom(raw('1e400'), raw('-1e400'), raw('-0.5'), raw('1.25e1'), raw('12.50'), '12.50', '-1'),
  );
}

function badIdNumber(): fc.Arbitrary<string> {
  const parts = fc.record({
    region: fc.integer({ min: 110000, max: 659999 }),
    y: fc.integer({ min: 1930, max: 2010 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    seq: fc.integer({ min: 0, max: 999 }),
  });
  const first17 = (p: { region: number; y: number; m: number; d: number; seq: number }) =>
    `${p.region}${p.y}${String(p.m).padStart(2, '0')}${String(p.d).padStart(2, '0')}${String(p.seq).padStart(3, '0')}`;
  const wrongCheck = fc.tuple(parts, fc.integer({ min: 1, max: 10 })).map(([p, shift]) => {
    const f = first17(p);
    const chars = '0123456789X';
    return f + chars[(chars.indexOf(idCheckChar(f)) + shift) % 11];
  });
  const impossibleBirth = fc
    .tuple(parts, fc.constantFrom('0230', '0231', '0431', '1301', '0001', '0100', '1232'))
    .map(([p, md]) => {
      const f = `${p.region}${p.y}${md}${String(p.seq).padStart(3, '0')}`;
      return f + idCheckChar(f);
    });
  const badShape = fc.tuple(parts, fc.constantFrom('short', 'long', 'letter', 'space', 'dash')).map(([p, how]) => {
    const f = first17(p);
    const ok = f + idCheckChar(f);
    return how === 'short'
      ? ok.slice(0, 17)
      : how === 'long'
        ? `${ok}1`
        : how === 'letter'
          ? `${ok.slice(0, 8)}A${ok.slice(9)}`
          : how === 'space'
            ? `${ok.slice(0, 6)} ${ok.slice(6)}`
            : `${ok.slice(0, 6)}-${ok.slice(6, 14)}-${ok.slice(14)}`;
  });
  return fc
    .oneof(wrongCheck, impossibleBirth, badShape)
    .filter((v) => idNumberProblem(v.trim().toUpperCase()) !== null);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const impossibleDates = fc
  .oneof(
    fc.constantFrom(
      '2026-02-30',
      '2026-13-01',
      '2025-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-01-32',
      '2026-01-00',
      '0000-00-00',
      '2026-1-5',
      '2026/03/01',
      '20260301',
      '2026-03-01T00:00:00Z',
      '01-03-2026',
      '2026-03-1',
    ),
    fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map((p) => `${p.y}-${pad(p.m)}-${pad(p.d)}`),
    fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 29, max: 99 }),
      })
      .map((p) => `${p.y}-${pad(p.m)}-${pad(p.d)}`),
  )
  .filter((v) => !isCalendarDate(v));

const impossibleDateTimes = fc
  .oneof(
    fc.constantFrom(
      '2026-02-30T10:00:00Z',
      '2026-13-01T00:00:00+08:00',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z',
      '2026-01-01T10:00:00',
      '2026-01-01 10:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-01-01T10:00:00+25:00',
      '2026-01-01',
    ),
    fc.tuple(impossibleDates, fc.constantFrom('T10:00:00Z', 'T00:00:00+08:00')).map(([d, t]) => d + t),
  )
  .filter((v) => !isDateTime(v));

const impossiblePeriods = fc
  .oneof(
    fc.constantFrom('2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '202601', '2026/01', '2026-001', '-2026-01'),
    fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
      })
      .map((p) => `${p.y}-${pad(p.m)}`),
  )
  .filter((v) => !isPeriod(v));

// ---------------------------------------------------------------------------------------------
// Body inputs.

export interface Limits {
  /** Body limit of this route in bytes. */
  bodyLimit: number;
}

export interface Plan {
  /** Each kind of input that applies: `weight` of them are tried first, then random ones by weight. */
  parts: { arbitrary: fc.Arbitrary<BadInput>; weight: number; onlyFirst?: boolean }[];
}

/** The first inputs (every kind, `weight` each) and the random ones, for fc.check. */
export function planRuns(plan: Plan, seed: number): { examples: [BadInput][]; arbitrary: fc.Arbitrary<BadInput> } {
  const examples = plan.parts.flatMap((p, i) =>
    fc.sample(p.arbitrary, { numRuns: p.weight, seed: seed + i }).map((v) => [v] as [BadInput]),
  );
  const random = plan.parts.filter((p) => !p.onlyFirst).map((p) => ({ arbitrary: p.arbitrary, weight: p.weight }));
  return { examples, arbitrary: fc.oneof(...random) };
}

// Kinds the issue names in particular are tried more often.
const weightOf: Partial<Record<Category, number>> = {
  fen: 4,
  'id-number': 6,
  'impossible-date': 4,
  'control-chars': 2,
  'mixed-scripts': 2,
};

export function bodyPlan(schema: JsonSchema, limits: Limits): Plan {
  const base = validSample(schema);
  const baseText = JSON.stringify(base);
  const { fields, objects } = nodesOf(schema);
  const arbs: Plan['parts'] = [];
  const add = (category: Category, arbitrary: fc.Arbitrary<BadInput>) =>
    arbs.push({ arbitrary, weight: weightOf[category] ?? 1 });
  const at = (n: Node, category: Category, values: fc.Arbitrary<unknown> | undefined, what: string) => {
    if (!values) return;
    const field = fieldName(n.path);
    add(
      category,
      values.map((v) => ({
        category,
        note: `${field} = ${show(v)} (${what})`,
        text: jsonText(setAt(base, n.path, v)),
        field,
        statuses: [400],
      })),
    );
  };

  // The values the issue names are always among the first tried; random ones follow.
  const fixed = (n: Node, category: Category, values: unknown[], what: string) => {
    const field = fieldName(n.path);
    for (const v of values)
      arbs.push({
        arbitrary: fc.constant({
          category,
          note: `${field} = ${show(v)} (${what})`,
          text: jsonText(setAt(base, n.path, v)),
          field,
          statuses: [400],
        }),
        weight: 1,
        onlyFirst: true,
      });
  };

  for (const n of fields) {
    const value = n.path.reduce<any>((o, k) => o?.[k], base);
    if (typeof value === 'string')
      fixed(
        n,
        'control-chars',
        ['\u0000', '\u0007', '\u202e'].map((c) =>
          value.length >= 2 ? value.slice(0, 1) + c + value.slice(1) : `o${c}k`,
        ),
        'control characters',
      );
    at(n, 'wrong-type', wrongTypes(n.schema), 'wrong type');
    if (n.required) {
      const field = fieldName(n.path);
      add(
        'missing-field',
        fc.constant({
          category: 'missing-field',
          note: `${field} missing`,
          text: jsonText(deleteAt(base, n.path)),
          field,
          statuses: [400],
        }),
      );
    }
    at(n, 'out-of-bounds', outOfBounds(n.schema, n.name, value), 'out of bounds');
    at(n, 'huge-string', hugeStrings(n.schema, n.name), 'too long');
    at(n, 'control-chars', withControl(n.schema, value), 'control characters');
    at(n, 'mixed-scripts', mixedScripts(n.schema, n.name, value), 'mixed scripts where the format is fixed');
    const k = kindOf(n.schema);
    if (isFenField(n.name) && (k === 'integer' || k === 'number')) {
      fixed(n, 'fen', [-1, 0.5], 'negative or fractional fen');
      at(n, 'fen', badFen(n.schema), 'negative, fractional or not fen');
    }
    if (isIdNumberField(n.name) && k === 'string') {
      const valid = validIdNumber(321202, '19800229', 17);
      const wrong = '0123456789X'.split('').find((c) => c !== valid[17])!;
      fixed(n, 'id-number', [valid.slice(0, 17) + wrong], 'check digit changed');
      at(n, 'id-number', badIdNumber(), 'invalid ID number');
    }
    if (k === 'string' && isPeriodField(n.name)) {
      fixed(n, 'impossible-date', ['2026-13'], 'impossible period');
      at(n, 'impossible-date', impossiblePeriods, 'impossible period');
    } else if (k === 'string' && isDateTimeField(n.name, n.schema)) {
      fixed(n, 'impossible-date', ['2026-02-30T10:00:00+08:00', '2026-13-01T10:00:00Z'], 'impossible date-time');
      at(n, 'impossible-date', impossibleDateTimes, 'impossible date-time');
    } else if (k === 'string' && isDateField(n.name, n.schema)) {
      fixed(n, 'impossible-date', ['2026-02-30', '2026-13-01'], 'impossible date');
      at(n, 'impossible-date', impossibleDates, 'impossible date');
    }
  }

  for (const o of objects) {
    const ap = o.schema.additionalProperties;
    if (ap === true || (typeof ap === 'object' && ap !== null)) continue; // the document allows other fields here
    const known = new Set(Object.keys(o.schema.properties ?? {}));
    const keys = fc
      .oneof(
        fc.constantFrom(
          'id',
          'createdAt',
          'updatedAt',
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          'isAdmin',
          'password_hash',
          'stage',
          'role',
          'userId',
        ),
        fc.string({ minLength: 1, maxLength: 16 }),
      )
      .filter((k) => !known.has(k));
    add(
      'extra-field',
      fc.tuple(keys, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => {
        const field = fieldName([...o.path, k]);
        return {
          category: 'extra-field' as const,
          note: `unknown field ${JSON.stringify(field)} = ${show(v)}`,
          text: jsonText(setAt(base, [...o.path, k], v)),
          field,
          statuses: [400],
        };
      }),
    );
  }

  // The body as a whole.
  const malformed = fc
    .tuple(
      fc.constantFrom(
        'truncate',
        'insert',
        'single-quotes',
        'trailing-comma',
        'unquoted-key',
        'two-documents',
        'comment',
        'raw-control',
        'nan',
        'brace',
      ),
      fc.nat(),
      fc.constantFrom(...'{}[],:"\'\\x'.split('')),
    )
    .map(([how, n, ch]) => {
      const p = 1 + (n % Math.max(1, baseText.length - 1));
      const text =
        how === 'truncate'
          ? baseText.slice(0, p)
          : how === 'insert'
            ? baseText.slice(0, p) + ch + baseText.slice(p)
            : how === 'single-quotes'
              ? baseText.replace(/"/g, "'")
              : how === 'trailing-comma'
                ? `${baseText.slice(0, -1)},}`
                : how === 'unquoted-key'
                  ? baseText.replace(/"([^"]+)":/, '$1:')
                  : how === 'two-documents'
                    ? `${baseText}${baseText}`
                    : how === 'comment'
                      ? `/* bad input */${baseText}`
                      : how === 'raw-control'
                        ? `{"note":"a${String.fromCharCode(n % 32)}b"${baseText.length > 2 ? `,${baseText.slice(1)}` : '}'}`
                        : how === 'nan'
                          ? '{"x":NaN}'
                          : '{';
      return {
        category: 'malformed-json' as const,
        note: `malformed JSON (${how}): ${show(text)}`,
        text,
        statuses: [400],
      };
    })
    .filter((c) => {
      try {
        JSON.parse(c.text);
        return false;
      } catch {
        return c.text.trim().length > 0;
      }
    });
  add('malformed-json', malformed);
  add(
    'not-an-object',
    fc.constantFrom('[]', '[{}]', `[${baseText}]`).map((text) => ({
      category: 'not-an-object' as const,
      note: `body ${show(text)} is an array`,
      text,
      field: '_',
      statuses: [400],
    })),
  );
  add(
    'not-an-object',
    fc.constantFrom('"text"', '42', 'true', 'null', '"{}"').map((text) => ({
      category: 'not-an-object' as const,
      note: `body ${text} is not an object`,
      text,
      statuses: [400],
    })),
  );
  add(
    'content-type',
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'text/json',
        'application/xml',
        'application/json-patch+json',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
      )
      .map((contentType) => ({
        category: 'content-type' as const,
        note: `JSON sent as ${contentType}`,
        text: baseText,
        contentType,
        statuses: [415],
      })),
  );

  const tooLarge: fc.Arbitrary<BadInput> = fc.integer({ min: 1, max: 64 * 1024 }).map((extra) => {
    const text = `{"pad":"${'x'.repeat(limits.bodyLimit + extra)}"}`;
    return {
      category: 'body-limit',
      note: `body of ${text.length} bytes (limit ${limits.bodyLimit})`,
      text,
      statuses: [413],
    };
  });
  // The body limit once per route (a megabyte each), not among the random ones.
  return { parts: [...arbs, { arbitrary: tooLarge, weight: 1, onlyFirst: true }] };
}

// ---------------------------------------------------------------------------------------------
// List query inputs (ra-data-simple-rest: sort=["field","ASC"], range=[start,end], filter={...}).

export interface ListFacts {
  sortable: string[];
  filters: string[];
  /** Filters that refuse a value that is not a number (found by asking). */
  numericFilters?: string[];
}

const param = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;
const MAX_PAGE = 1000;

export function listPlan(facts: ListFacts): Plan {
  const arbs: Plan['parts'] = [];
  const add = (category: Category, arbitrary: fc.Arbitrary<BadInput>) =>
    arbs.push({ arbitrary, weight: weightOf[category] ?? 1 });
  const q = (category: Category, field: string, values: fc.Arbitrary<string>, what: string, name = field) =>
    add(
      category,
      values.map((v) => ({
        category,
        note: `${name}=${show(v)} (${what})`,
        query: param(name, v),
        field,
        statuses: [400],
      })),
    );
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v));

  // The values the issue names are always among the first tried.
  for (const [name, v, what] of [
    ['range', '[0,1000000000000]', 'page too large'],
    ['range', '[5,1]', 'end before start'],
    ['range', '[-1,5]', 'negative'],
    ['sort', '["password","ASC"]', 'unknown sort field'],
  ] as const) {
    arbs.push({
      arbitrary: fc.constant({
        category: name,
        note: `${name}=${v} (${what})`,
        query: param(name, v),
        field: name,
        statuses: [400],
      }),
      weight: 1,
      onlyFirst: true,
    });
  }
  const unknownName = ['bogus', 'password'].find((n) => !facts.filters.includes(n))!;
  arbs.push({
    arbitrary: fc.constant({
      category: 'filter',
      note: `filter={"${unknownName}":1} (unknown filter)`,
      query: param('filter', `{"${unknownName}":1}`),
      field: `filter.${unknownName}`,
      statuses: [400],
    }),
    weight: 1,
    onlyFirst: true,
  });

  // range
  q(
    'range',
    'range',
    json(
      fc
        .tuple(
          fc.nat(1_000_000),
          fc.oneof(fc.integer({ min: MAX_PAGE, max: 1_000_000 }), fc.constantFrom(1e9, 1e12, MAX_SAFE - 1_000_000)),
        )
        .map(([a, n]) => [a, a + n]),
    ),
    'page too large',
  );
  q(
    'range',
    'range',
    json(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.nat()).map(([a, d]) => [a, a - 1 - (d % a)])),
    'end before start',
  );
  q(
    'range',
    'range',
    json(
      fc.oneof(
        fc.tuple(fc.integer({ min: -1e9, max: -1 }), fc.nat(100)),
        fc.tuple(fc.constant(0), fc.integer({ min: -1e9, max: -1 })),
      ),
    ),
    'negative',
  );
  q(
    'range',
    'range',
    json(
      fc
        .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 101, max: 200, noNaN: true }))
        .filter(([a, b]) => !Number.isInteger(a) || !Number.isInteger(b)),
    ),
    'fractional',
  );
  q(
    'range',
    'range',
    fc.constantFrom(
      '[1e20,100000000000000000005]',
      '[9007199254740993,9007199254740999]',
      '[0,1e400]',
      '[]',
      '[5]',
      '[0,1,2]',
      '["0","24"]',
      '{"0":0,"1":24}',
      '"0-24"',
      'null',
      'true',
      '[null,5]',
      '[[0],[5]]',
      '[0,',
      '0-24',
      '[0;24]',
      '',
    ),
    'not a [start, end] pair',
  );

  // sort
  const known = new Set(facts.sortable);
  const unknownField = fc
    .oneof(
      fc.constantFrom(
        'password',
        'password_hash',
        'id; DROP TABLE users',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'ID',
        ' id',
        'id ',
        '',
        'name\u0000',
        '1',
      ),
      fc.string({ maxLength: 20 }),
    )
    .filter((f) => !known.has(f));
  q('sort', 'sort', json(fc.tuple(unknownField, fc.constantFrom('ASC', 'DESC'))), 'unknown sort field');
  const someField = facts.sortable[0] ?? 'id';
  q(
    'sort',
    'sort',
    fc.constantFrom(
      `["${someField}","UP"]`,
      `["${someField}","ascending"]`,
      `["${someField}",1]`,
      `["${someField}"]`,
      `["${someField}","ASC","x"]`,
      `"${someField}"`,
      `{"${someField}":"ASC"}`,
      '[1,"ASC"]',
      '[null,"ASC"]',
      '["id","ASC"',
      `["${someField}",""]`,
      'null',
    ),
    'not a [field, direction] pair',
  );

  // filter
  const knownFilters = new Set(facts.filters);
  const unknownFilter = fc
    .oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'password',
        '1=1',
        'ID',
        'Q',
        'id ',
        'role; --',
      ),
      fc.string({ minLength: 1, maxLength: 16 }),
    )
    .filter((f) => !knownFilters.has(f));
  add(
    'filter',
    fc.tuple(unknownFilter, fc.jsonValue({ maxDepth: 1 })).map(([name, v]) => {
      const text = `{${JSON.stringify(name)}:${JSON.stringify(v) ?? 'null'}}`;
      return {
        category: 'filter' as const,
        note: `filter=${show(text)} (unknown filter)`,
        query: param('filter', text),
        field: `filter.${name}`,
        statuses: [400],
      };
    }),
  );
  const badIds = fc.oneof(
    fc.constantFrom(
      ['abc'],
      [1.5],
      [{ a: 1 }],
      [true],
      [[1]],
      'abc',
      1.5,
      { a: 1 },
      [null],
      null,
      ['1e3'],
      ['-'],
      [''],
    ),
    fc.integer({ min: MAX_PAGE + 1, max: MAX_PAGE + 20 }).map((n) => Array.from({ length: n }, (_, i) => i + 1)),
  );
  q(
    'filter',
    'filter.id',
    badIds.map((v) => JSON.stringify({ id: v })),
    'bad ids',
    'filter',
  );
  // Ids name rows of PostgreSQL integer columns: one beyond 2^31-1 names nothing and must not reach the database.
  const enormous = fc.oneof(
    fc.integer({ min: 2 ** 31, max: MAX_SAFE }),
    fc.integer({ min: -MAX_SAFE, max: -(2 ** 31) - 1 }),
  );
  q(
    'filter',
    'filter.id',
    fc.oneof(enormous, fc.array(enormous, { minLength: 1, maxLength: 3 })).map((v) => JSON.stringify({ id: v })),
    'enormous id',
    'filter',
  );
  for (const name of (facts.numericFilters ?? []).filter((f) => /Id$/.test(f)))
    q(
      'filter',
      `filter.${name}`,
      enormous.map((v) => JSON.stringify({ [name]: v })),
      'enormous id',
      'filter',
    );
  for (const name of facts.filters) {
    const lower = name.toLowerCase();
    const values = /period|month|^from$|^to$/.test(lower)
      ? impossiblePeriods
      : /(^|_)at(_|$)|date|(^|_)on(_|$)|_gte$|_lte$/.test(lower)
        ? fc.oneof(impossibleDates, impossibleDateTimes).filter((v) => !isCalendarDate(v) && !isDateTime(v))
        : undefined;
    if (values)
      q(
        'impossible-date',
        `filter.${name}`,
        values.map((v) => JSON.stringify({ [name]: v })),
        'impossible date',
        'filter',
      );
  }
  const textFilter = facts.filters.find((f) => f === 'q') ?? facts.filters[0];
  if (textFilter) {
    q(
      'control-chars',
      `filter.${textFilter}`,
      fc
        .tuple(fc.constantFrom(...CONTROL), fc.string({ maxLength: 5 }))
        .map(([c, s]) => JSON.stringify({ [textFilter]: `a${c}${s}` })),
      'control characters',
      'filter',
    );
  }
  q(
    'filter',
    'filter',
    fc.constantFrom('[1,2]', '"stage"', '5', 'true', 'null', '{oops', '{"q":', "{'q':'x'}", '[{"q":"x"}]'),
    'not a JSON object',
  );

  // a parameter given twice
  add(
    'range',
    fc.constantFrom('range', 'sort', 'filter').map((name) => {
      const v = name === 'range' ? '[0,5]' : name === 'sort' ? `["${someField}","ASC"]` : '{}';
      return {
        category: name,
        note: `${name} given twice`,
        query: `${param(name, v)}&${param(name, v)}`,
        field: name,
        statuses: [400],
      };
    }),
  );
  return { parts: arbs };
}

/** Allowed sort fields and filters, as the API's own refusal lists them. */
export function factsFromRefusal(errors: Record<string, string> | undefined, probeFilter: string): ListFacts {
  const list = (msg: string | undefined) =>
    (msg?.match(/allowed: (.*)$/)?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return { sortable: list(errors?.sort), filters: list(errors?.[`filter.${probeFilter}`]) };
}

// ---------------------------------------------------------------------------------------------
// The answer.

export interface Answer {
  status: number;
  text: string;
}

/** Why the answer is not the refusal the input asks for; undefined when it is. */
export function problemWith(input: BadInput, answer: Answer, allow404: boolean): string | undefined {
  const { status } = answer;
  const allowed = input.statuses.includes(status) || (allow404 && status === 404);
  if (!allowed) return `status ${status}, expected ${input.statuses.join('/')}`;
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `status ${status} without a JSON body`;
  }
  if (typeof body?.message !== 'string' || !body.message) return `status ${status} without a message`;
  // Malformed JSON and a body that is not an object or array are the parser's refusals: a message.
  if (status !== 400 || input.field === undefined) return undefined;
  const errors = body.errors;
  if (!errors || typeof errors !== 'object' || !Object.keys(errors).length)
    return 'a 400 without a message per field (errors)';
  if (Object.values(errors).some((m) => typeof m !== 'string' || !m)) return 'a field message is not a string';
  const f = input.field;
  if (!Object.keys(errors).some((k) => k === f || k.startsWith(`${f}.`)))
    return `errors do not name ${JSON.stringify(f)} (they name ${Object.keys(errors).join(', ')})`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The database, before and after.

/** Per table "rows md5-of-all-rows", and each sequence's last value (a refused insert would move it). */
export async function databaseSnapshot(db: Knex, exclude: ReadonlySet<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const tables: string[] = (
    await db('pg_tables').where({ schemaname: 'public' }).orderBy('tablename').pluck('tablename')
  ).filter((t: string) => !exclude.has(t));
  for (const t of tables) {
    const { rows } = await db.raw(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ?? t`,
      [t],
    );
    out.set(`table ${t}`, `${rows[0].n} rows, md5 ${rows[0].sum}`);
  }
  const seqs = await db('pg_sequences')
    .where({ schemaname: 'public' })
    .orderBy('sequencename')
    .select('sequencename', 'last_value');
  for (const s of seqs) out.set(`sequence ${s.sequencename}`, String(s.last_value));
  return out;
}

export function snapshotDifferences(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => `${k}: ${before.get(k) ?? '(none)'} → ${after.get(k) ?? '(none)'}`);
}

/** "1mb" → bytes, as body-parser reads it. */
export function byteLimit(limit: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!m) throw new Error(`unreadable body limit ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}
