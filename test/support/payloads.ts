import type { Knex } from 'knex';
import { validIdNumber, type JsonSchema } from './bad-input.js';
import type { ApiClient } from './stack.js';

// SQL-injection and script payloads for free-text fields (test/api/payloads.test.ts stores them
// through every create route, test/browser/payloads.test.ts shows them in the console). Each
// payload starts with a marker (PX07: prefix, number) so it can be found in the database and
// on a page, and is the richest form that fits the field: a form cut short at maxLength would
// no longer be markup, and would prove nothing about how markup is rendered.

/** The payload for `marker` that fits in `maxLength` characters. */
export function payload(marker: string, maxLength = Infinity): string {
  const forms = [
    `${marker} x'); DROP TABLE users; -- <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`,
    `${marker}' OR 1=1--<img src=x onerror=__xss=1>`,
    // An empty src fails at once too, so onerror would fire.
    `${marker}'<img src onerror=__xss=1>`,
    `${marker}'"<b>x</b>`,
  ];
  return forms.find((f) => f.length <= maxLength) ?? forms[forms.length - 1].slice(0, maxLength);
}

/** Markers PX00, PX01, … (two digits, so no marker is the start of another). */
export function markers(prefix: string): () => string {
  let n = 0;
  return () => {
    if (n > 99) throw new Error('more than 100 payload fields: widen the marker');
    return `${prefix}${String(n++).padStart(2, '0')}`;
  };
}

export const markerPattern = (prefix: string) => new RegExp(`${prefix}\\d\\d`, 'g');

/**
 * A string field that takes any text: no enum, pattern or format, room for a payload, and not
 * a field whose value must be something in particular (an ID number, the current password).
 */
export function isFreeText(s: JsonSchema, name: string): boolean {
  return (
    s.type === 'string' &&
    !s.enum &&
    !s.anyOf &&
    !s.pattern &&
    !s.format &&
    (s.maxLength ?? 0) >= 20 &&
    name !== 'idNumber' &&
    name !== 'currentPassword'
  );
}

export interface PlacedPayload {
  /** e.g. members.0.name */
  field: string;
  marker: string;
  value: string;
}

/** Puts a payload in every free-text field of `body` (a valid sample of `schema`), recursively. */
export function withPayloads(
  schema: JsonSchema,
  body: unknown,
  next: () => string,
): { body: unknown; placed: PlacedPayload[] } {
  const placed: PlacedPayload[] = [];
  const walk = (s: JsonSchema, v: unknown, name: string, path: string[]): unknown => {
    if (isFreeText(s, name) && typeof v === 'string') {
      const marker = next();
      const value = payload(marker, s.maxLength);
      placed.push({ field: path.join('.'), marker, value });
      return value;
    }
    if (s.type === 'array' && s.items && Array.isArray(v))
      return v.map((x, i) => walk(s.items!, x, name, [...path, String(i)]));
    if (s.type === 'object' && s.properties && v && typeof v === 'object') {
      const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      for (const [k, p] of Object.entries(s.properties)) if (k in out) out[k] = walk(p, out[k], k, [...path, k]);
      return out;
    }
    return v;
  };
  return { body: walk(schema, body, '', []), placed };
}

export interface RealIds {
  /** cd-01 东风社区, caseworker1's and leader1's community. */
  communityId: number;
  /** Its street, 城东街道. */
  streetId: number;
  enterpriseId: number;
  leaderUserId: number;
}

export async function realIds(db: Knex): Promise<RealIds> {
  const community = await db('org_units').where({ code: 'cd-01' }).first('id', 'parent_id');
  const enterprise = await db('enterprises').orderBy('id').first('id');
  const leader = await db('users').where({ username: 'leader1' }).first('id');
  if (!community || !enterprise || !leader) throw new Error('the test database lacks cd-01, an enterprise or leader1');
  return {
    communityId: community.id,
    streetId: community.parent_id,
    enterpriseId: enterprise.id,
    leaderUserId: leader.id,
  };
}

let idSeq = 500;
/** A valid ID number no seed uses (born 1972-08-15, serials from 500 up). */
export const freshIdNumber = () => validIdNumber(321202, '19720815', idSeq++);

export interface FoundText {
  /** table.column */
  where: string;
  value: string;
}

/**
 * Every text in the database (text and varchar columns, text arrays, strings anywhere inside
 * json/jsonb) that contains `prefix` followed by two characters.
 */
export async function textsWithPrefix(db: Knex, prefix: string): Promise<FoundText[]> {
  const cols: { table_name: string; column_name: string; data_type: string; udt_name: string }[] = await db(
    'information_schema.columns as c',
  )
    .join('information_schema.tables as t', (j) =>
      j.on('t.table_schema', 'c.table_schema').andOn('t.table_name', 'c.table_name'),
    )
    .where({ 'c.table_schema': 'public', 't.table_type': 'BASE TABLE' })
    .select('c.table_name', 'c.column_name', 'c.data_type', 'c.udt_name');
  const like = `%${prefix}__%`;
  const out: FoundText[] = [];
  for (const c of cols) {
    let sql: string | undefined;
    if (c.data_type === 'text' || c.data_type === 'character varying')
      sql = `SELECT DISTINCT t.?? AS v FROM ?? t WHERE t.?? LIKE ?`;
    else if (c.data_type === 'ARRAY' && (c.udt_name === '_text' || c.udt_name === '_varchar'))
      sql = `SELECT DISTINCT x AS v FROM ?? t, unnest(t.??) x WHERE x LIKE ?`;
    else if (c.data_type === 'jsonb' || c.data_type === 'json')
      sql = `SELECT DISTINCT x #>> '{}' AS v FROM ?? t, jsonb_path_query(t.??::jsonb, 'strict $.**') x WHERE jsonb_typeof(x) = 'string' AND x #>> '{}' LIKE ?`;
    if (!sql) continue;
    const bindings = sql.startsWith('SELECT DISTINCT t.??')
      ? [c.column_name, c.table_name, c.column_name, like]
      : [c.table_name, c.column_name, like];
    const { rows } = await db.raw(sql, bindings);
    for (const r of rows as { v: string }[]) out.push({ where: `${c.table_name}.${c.column_name}`, value: r.v });
  }
  return out;
}

/** Every string anywhere in a JSON value. */
export function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

export interface PayloadRecords {
  applicationId: number;
  volunteerId: number;
  employerId: number;
  openingId: number;
  teamId: number;
  /** Payload texts by what they were put in, e.g. application.headName. */
  texts: Record<string, string>;
}

async function created(client: ApiClient, path: string, body: unknown): Promise<any> {
  const res = await client.call('POST', path, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An employer, an opening of it, a team, a volunteer and an application of cd-01, every text field a payload. */
export async function createPayloadRecords(db: Knex, caseworker: ApiClient, prefix = 'PB'): Promise<PayloadRecords> {
  const ids = await realIds(db);
  const next = markers(prefix);
  const texts: Record<string, string> = {};
  const p = (key: string, maxLength: number) => (texts[key] = payload(next(), maxLength));

  const employer = await created(caseworker, '/api/employers', {
    name: p('employer.name', 100),
    streetId: ids.streetId,
    address: p('employer.address', 200),
    contact: p('employer.contact', 50),
    phone: p('employer.phone', 30),
  });
  const opening = await created(caseworker, '/api/job-openings', {
    employerId: employer.id,
    title: p('opening.title', 100),
    requiredSkills: [p('opening.requiredSkills', 30)],
    preferredSkills: [p('opening.preferredSkills', 30)],
    wageMinFen: 300_000,
    wageMaxFen: 450_000,
    streetId: ids.streetId,
    placesTotal: 3,
  });
  const team = await created(caseworker, '/api/volunteer-teams', {
    name: p('team.name', 100),
    communityId: ids.communityId,
    kind: 'elderly',
    leaderUserId: ids.leaderUserId,
  });
  const volunteer = await created(caseworker, '/api/volunteers', {
    name: p('volunteer.name', 50),
    idNumber: freshIdNumber(),
    phone: p('volunteer.phone', 30),
    communityId: ids.communityId,
    skills: [p('volunteer.skills', 30)],
    availability: p('volunteer.availability', 200),
  });
  const application = await created(caseworker, '/api/applications', {
    headName: p('application.headName', 50),
    address: p('application.address', 200),
    communityId: ids.communityId,
    category: 'C',
    members: [
      {
        name: p('application.members.0.name', 50),
        idNumber: freshIdNumber(),
        relation: 'head',
        disabled: false,
        monthlyIncomeFen: 50_000,
      },
      {
        name: p('application.members.1.name', 50),
        idNumber: freshIdNumber(),
        relation: 'spouse',
        disabled: false,
        monthlyIncomeFen: 0,
      },
    ],
  });
  return {
    applicationId: application.id,
    volunteerId: volunteer.id,
    employerId: employer.id,
    openingId: opening.id,
    teamId: team.id,
    texts,
  };
}
