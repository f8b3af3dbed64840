import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadCsv } from '../../domain/caseload-csv.js';
import { operationsOf, validSample, type Operation } from '../support/bad-input.js';
import {
  freshIdNumber,
  markerPattern,
  markers,
  payload,
  realIds,
  stringsIn,
  textsWithPrefix,
  withPayloads,
  type PlacedPayload,
} from '../support/payloads.js';
import { demoUser } from '../support/fixtures.js';
import { login, loginRequest, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { recordFigure } from '../support/suite-figures.js';

// SQL-injection and script payloads in every free-text field of every create route the
// OpenAPI document lists (a new route is covered the day it is registered): each body is a
// valid sample of the route's schema with real ids, every free-text string replaced by a
// payload. Every create must be accepted, every payload stored exactly as sent (found in the
// database by its marker, and read back unchanged through the API), and no table lost a row.
// No worker runs: the workflows started are never needed, only what the API itself stores.

// Signing in and out carry credentials, not records; disbursement runs and the schedule take
// notes about money moving, and are driven by their own tests.
const skipped = (path: string) =>
  ['/api/auth/login', '/api/auth/logout', '/api/disbursement-runs'].includes(path) ||
  path.startsWith('/api/disbursement-schedule/');

const PREFIX = 'PX';
// Written by every request or holding copies of what others store: a payload found only
// there was not stored by the route.
const NOT_THE_RECORD = new Set(['audit_events', 'idempotency_keys', 'sessions']);
const USERNAME = 'payloadprobe';

interface Tried {
  op: Operation;
  route: string;
  status: number;
  body: any;
  placed: PlacedPayload[];
  /** Payloads that are passwords: stored hashed, so proved by signing in with them. */
  passwords: PlacedPayload[];
  readBack: unknown[];
}

describe('payloads in text fields', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.stop());

  it(
    'stores SQL and script payloads in every free-text field of every create, verbatim, and drops nothing',
    { timeout: 120_000 },
    async () => {
      const started = Date.now();
      const { db } = stack;
      const clients = new Map<string, ApiClient>();
      const clientOf = async (username: string) => {
        if (!clients.has(username)) clients.set(username, await login(stack, username));
        return clients.get(username)!;
      };
      const admin = await clientOf('admin1');
      const doc = (await admin.call('GET', '/api/openapi.json')).body;
      const ops = operationsOf(doc)
        .filter(
          (o) => (o.method === 'POST' || o.method === 'PUT') && o.body && !o.path.includes('{') && !skipped(o.path),
        )
        // A new password is set on the account the users route creates.
        .sort((a, b) => Number(a.path === '/api/auth/password') - Number(b.path === '/api/auth/password'));
      expect(ops.length).toBeGreaterThanOrEqual(12);

      const ids = await realIds(db);
      const made: { employerId?: number; teamId?: number; user?: { username: string; password: string } } = {};
      const counts = async () => {
        const tables: string[] = await db('pg_tables')
          .where({ schemaname: 'public' })
          .orderBy('tablename')
          .pluck('tablename');
        const out = new Map<string, number>();
        for (const t of tables) out.set(t, Number((await db(t).count({ n: '*' }))[0].n));
        return out;
      };
      const before = await counts();

      // Ids of records, by field name: what validSample's 1 would not name (or name wrongly).
      const fillIds = async (v: unknown): Promise<unknown> => {
        if (Array.isArray(v)) return Promise.all(v.map(fillIds));
        if (!v || typeof v !== 'object') return v;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
          if (k === 'communityId' || k === 'orgUnitId') out[k] = ids.communityId;
          else if (k === 'streetId') out[k] = ids.streetId;
          else if (k === 'enterpriseId') out[k] = ids.enterpriseId;
          else if (k === 'leaderUserId') out[k] = ids.leaderUserId;
          else if (k === 'employerId')
            out[k] = made.employerId ?? (await db('employers').orderBy('id').first('id'))?.id ?? x;
          else if (k === 'teamId')
            out[k] =
              made.teamId ??
              (await db('volunteer_teams').where({ community_id: ids.communityId }).orderBy('id').first('id'))?.id ??
              x;
          else if (k === 'idNumber') out[k] = freshIdNumber();
          else out[k] = await fillIds(x);
        }
        return out;
      };

      // login() signs in with the demo password; the account made here has a payload for one.
      const signIn = async (username: string, password: string): Promise<ApiClient | undefined> => {
        const res = await loginRequest(stack.baseUrl, username, password);
        if (res.status !== 200) return undefined;
        const { token } = await res.json();
        return {
          token,
          async call(method, path, body) {
            const r = await fetch(`${stack.baseUrl}${path}`, {
              method,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            const text = await r.text();
            return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
          },
        };
      };

      const next = markers(PREFIX);
      const tried: Tried[] = [];
      for (const op of ops) {
        const route = `${op.method} ${op.path}`;
        let body = (await fillIds(validSample(op.body!))) as Record<string, any>;
        let username = op.roles?.length ? demoUser[op.roles[0]] : 'caseworker2';

        // What the schema cannot say: the rules a valid body also meets.
        if (op.path === '/api/applications')
          body.members = [body.members[0], { ...body.members[0], relation: 'spouse', idNumber: freshIdNumber() }];
        if (op.path === '/api/users') Object.assign(body, { username: USERNAME, role: 'caseworker', active: true });
        if (op.path === '/api/allowance-standards')
          Object.assign(body, { effectiveFrom: '2035-01-01', standardFen: 100_000, floorPerPersonFen: 0 });
        if (op.path === '/api/job-openings') Object.assign(body, { wageMinFen: 300_000, wageMaxFen: 450_000 });

        const injected = withPayloads(op.body!, body, next);
        body = injected.body as Record<string, any>;
        const placed = injected.placed;
        const passwords = placed.filter((p) => /password$/i.test(p.field));

        if (op.path === '/api/auth/password') {
          // The account made above (or a demo user no other step signs in as).
          const who = made.user ?? { username: 'caseworker2', password: stack.password };
          username = who.username;
          body.currentPassword = who.password;
        }
        if (op.path === '/api/imports') {
          // The file's own text cells: a household of two, priced by the 2025-07-01 standard.
          const [ref, address, head, spouse] = [50, 200, 50, 50].map((n, i) => {
            const marker = next();
            const value = payload(marker, n);
            placed.push({
              field: `csv.${['household_ref', 'address', 'name (head)', 'name (spouse)'][i]}`,
              marker,
              value,
            });
            return value;
          });
          const household = {
            household_ref: ref,
            community_code: 'cd-01',
            address,
            category: 'A',
            bank_account: '622848012345679999',
            enrolled_from: '2025-07-01',
            amount_fen: 118_000,
            next_recheck_on: '',
          };
          body.csv = caseloadCsv([
            {
              ...household,
              name: head,
              id_number: freshIdNumber(),
              relation: 'head',
              disabled: false,
              monthly_income_fen: 60_000,
            },
            {
              ...household,
              name: spouse,
              id_number: freshIdNumber(),
              relation: 'spouse',
              disabled: false,
              monthly_income_fen: 0,
            },
          ]);
          body.dryRun = false;
        }
        if (!placed.length) continue; // nothing free to write into (e.g. a list of ids)

        const client =
          op.path === '/api/auth/password' ? await signIn(username, body.currentPassword) : await clientOf(username);
        if (!client) {
          tried.push({
            op,
            route,
            status: 0,
            body: `could not sign in as ${username}`,
            placed,
            passwords,
            readBack: [],
          });
          continue;
        }
        const res = await client.call(op.method, op.path, body);
        const readBack: unknown[] = [res.body];
        if (res.status < 300) {
          if (op.path === '/api/users') made.user = { username: USERNAME, password: body.password };
          if (op.path === '/api/employers') made.employerId = res.body.id;
          if (op.path === '/api/volunteer-teams') made.teamId = res.body.id;
          // The record as the API shows it afterwards, where it has a page of its own.
          const id = res.body?.id ?? res.body?.applicationIds?.[0];
          const showPath = op.path === '/api/imports' ? '/api/applications' : op.path;
          if (id !== undefined && doc.paths[`${showPath}/{id}`]?.get)
            readBack.push((await client.call('GET', `${showPath}/${id}`)).body);
          if (op.path === '/api/referral-batches')
            for (const r of res.body.referralIds ?? [])
              readBack.push((await client.call('GET', `/api/referrals/${r}`)).body);
        }
        tried.push({ op, route, status: res.status, body: res.body, placed, passwords, readBack });
      }

      // Passwords are hashed: the proof is signing in with exactly what was sent.
      const passwordProblems: string[] = [];
      const ok = (t: Tried) => t.status >= 200 && t.status < 300;
      for (const t of tried.filter(ok)) {
        for (const p of t.passwords) {
          const username = t.op.path === '/api/users' ? USERNAME : (made.user?.username ?? 'caseworker2');
          // Signing in to change it proved the users route's password; the new one replaced it.
          if (t.op.path === '/api/users' && tried.some((x) => x.op.path === '/api/auth/password' && ok(x))) continue;
          const res = await loginRequest(stack.baseUrl, username, p.value);
          if (res.status !== 200)
            passwordProblems.push(`${t.route} ${p.field}: signing in with the payload password gave ${res.status}`);
        }
      }
      const signedInWithPayload = tried.filter(ok).flatMap((t) => t.passwords).length;
      // bcrypt reads only a password's first 72 bytes: said here, not failed on, as it is the
      // hash's limit and not the way text is stored (the policy allows 200 characters).
      const lastPassword = tried
        .filter(ok)
        .flatMap((t) => t.passwords.map((p) => ({ t, p })))
        .pop();
      if (lastPassword && Buffer.byteLength(lastPassword.p.value) > 72) {
        const cut = `${Buffer.from(lastPassword.p.value).subarray(0, 72).toString()}-something-else`;
        const res = await loginRequest(stack.baseUrl, made.user?.username ?? 'caseworker2', cut);
        if (res.status === 200)
          console.log(
            `  NOTE ${lastPassword.t.route} ${lastPassword.p.field}: a password that shares only its first 72 bytes with the one set signs in too (bcrypt's limit)`,
          );
      }

      // Where each payload is in the database, and any text holding a marker but not its payload.
      const found = await textsWithPrefix(db, PREFIX);
      const accepted = tried.filter(ok);
      const refused = tried.filter((t) => !ok(t));
      const problems: string[] = [];
      let verbatim = 0;
      let readBackVerbatim = 0;
      const stored: string[] = [];
      for (const t of accepted) {
        const byMarker = new Map(t.placed.map((p) => [p.marker, p]));
        for (const p of t.placed) {
          if (t.passwords.includes(p)) continue;
          const places = found.filter((f) => f.value === p.value).map((f) => f.where);
          const inRecord = places.filter((w) => !NOT_THE_RECORD.has(w.split('.')[0]));
          if (inRecord.length) {
            verbatim++;
            stored.push(`${p.marker} ${t.op.path} ${p.field} → ${[...new Set(inRecord)].join(', ')}`);
          } else
            problems.push(
              `${t.route} ${p.field} (${p.marker}): not stored verbatim${places.length ? ` (only in ${places.join(', ')})` : ''}`,
            );
          if (stringsIn(t.readBack).includes(p.value)) readBackVerbatim++;
        }
        // The API may quote a payload inside a longer text, never show it changed or cut short.
        for (const s of stringsIn(t.readBack)) {
          for (const m of s.match(markerPattern(PREFIX)) ?? []) {
            const p = byMarker.get(m);
            if (p && !s.includes(p.value))
              problems.push(`${t.route}: the API shows ${p.field} (${m}) changed: ${JSON.stringify(s).slice(0, 200)}`);
          }
        }
      }
      const allPlaced = new Map(tried.flatMap((t) => t.placed).map((p) => [p.marker, p]));
      for (const f of found) {
        for (const m of f.value.match(markerPattern(PREFIX)) ?? []) {
          const p = allPlaced.get(m);
          if (p && !f.value.includes(p.value))
            problems.push(`${f.where} holds ${p.field} (${m}) changed: ${JSON.stringify(f.value).slice(0, 200)}`);
        }
      }

      // Searching each list for a payload is a query like any other.
      const listSearches = { tried: 0, ok: 0 };
      for (const op of operationsOf(doc).filter((o) => o.list)) {
        const client = await clientOf(op.roles?.length ? demoUser[op.roles[0]] : 'supervisor1');
        const res = await client.call(
          'GET',
          `${op.path}?filter=${encodeURIComponent(JSON.stringify({ q: payload(`${PREFIX}99`) }))}`,
        );
        if (res.status === 400 && res.body?.errors?.['filter.q']) continue; // the list has no text search
        listSearches.tried++;
        if (res.status === 200) listSearches.ok++;
        else
          problems.push(`GET ${op.path} filter q = payload: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }

      // No table dropped or emptied: every one still there, none with fewer rows, users with one more.
      const after = await counts();
      const tableProblems: string[] = [];
      for (const [t, n] of before) {
        if (!after.has(t)) tableProblems.push(`table ${t} is gone`);
        else if (after.get(t)! < n) tableProblems.push(`table ${t}: ${n} → ${after.get(t)} rows`);
      }
      const usersMade = accepted.some((t) => t.op.path === '/api/users') ? 1 : 0;
      expect(after.get('users')).toBe(before.get('users')! + usersMade);
      expect(await db.raw(`SELECT to_regclass('public.users') IS NOT NULL AS ok`).then((r) => r.rows[0].ok)).toBe(true);
      const grown = [...after]
        .filter(([t, n]) => n > (before.get(t) ?? 0))
        .map(([t, n]) => `${t} +${n - (before.get(t) ?? 0)}`);

      const fields = accepted.reduce((n, t) => n + t.placed.length, 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      for (const t of refused) console.log(`  REFUSED ${t.route} ${t.status} ${JSON.stringify(t.body).slice(0, 400)}`);
      for (const p of [...problems, ...passwordProblems, ...tableProblems]) console.log(`  PROBLEM ${p}`);
      console.log(`payloads stored:\n${stored.map((s) => `  ${s}`).join('\n')}`);
      const line =
        `${verbatim + signedInWithPayload} text fields over ${accepted.length} routes stored verbatim ` +
        `(${verbatim} found unchanged in the database, ${readBackVerbatim} of them read back unchanged through the API, ${signedInWithPayload} passwords signed in with), ` +
        `${refused.length} routes refused, ${listSearches.ok}/${listSearches.tried} list searches for a payload answered 200; ` +
        `${before.size} tables intact, none with fewer rows (grew: ${grown.join(', ')}); ${seconds} s`;
      console.log(`payloads: ${line}`);
      recordFigure('payloads', line);

      expect(
        tried
          .filter((t) => t.status >= 500 || t.status === 0)
          .map((t) => `${t.route}: ${t.status} ${JSON.stringify(t.body)}`),
      ).toEqual([]);
      expect(refused.map((t) => `${t.route}: ${t.status} ${JSON.stringify(t.body)}`)).toEqual([]);
      expect(problems).toEqual([]);
      expect(passwordProblems).toEqual([]);
      expect(tableProblems).toEqual([]);
      expect(fields).toBeGreaterThanOrEqual(30);
    },
  );
});
