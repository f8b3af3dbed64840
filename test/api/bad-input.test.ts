import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT } from '../../api/routes/imports.js';
import { caseloadCsv } from '../../domain/caseload-csv.js';
import {
  bodyPlan,
  byteLimit,
  databaseSnapshot,
  factsFromRefusal,
  listPlan,
  operationsOf,
  planRuns,
  problemWith,
  snapshotDifferences,
  type BadInput,
  type Category,
  type Operation,
} from '../support/bad-input.js';
import { applicationBody, demoUser, idNumber } from '../support/fixtures.js';
import { createOpening, refer } from '../support/referrals.js';
import { recordFigure } from '../support/suite-figures.js';
import { login, startTestStack, type ApiClient, type TestStack } from '../support/stack.js';
import { register, team } from '../support/volunteers.js';

// Property-based bad input over the whole API, generated from its own OpenAPI document: every
// request body (POST/PUT) and every list query (sort, range, filter) gets malformed JSON, wrong
// types, missing and unknown fields, huge strings, control characters, mixed scripts where the
// format is fixed, negative or fractional fen, wrong ID check digits, impossible dates and
// periods, enormous ranges and unknown sort fields and filters. Each must be refused with a 4xx
// and a message (naming the field, for a 400), and the database must be exactly as before.
// No worker runs: every input is refused before any workflow is touched.

// Tables a refused request writes legitimately. `sessions`: every authenticated request slides
// its session's last_seen_at and expires_at (api/auth/sessions.ts). Nothing else may change:
// requests carry no Idempotency-Key, so idempotency_keys must stay as it was.
const EXCLUDED = new Set(['sessions']);

const SEED = process.env.BAD_INPUT_SEED ? Number(process.env.BAD_INPUT_SEED) : Date.now() % 2 ** 31;
const RANDOM_RUNS = { body: 25, list: 25 };
const CONCURRENCY = 4;

interface Tried {
  route: string;
  input: BadInput;
  status: number;
  problem?: string;
  answer: string;
}

describe('bad input', () => {
  let stack: TestStack;
  const clients = new Map<string, ApiClient>();
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.stop());

  it(
    'refuses every bad body and list query with a 4xx naming the field, and changes nothing',
    { timeout: 300_000 },
    async () => {
      const started = Date.now();
      const clientOf = async (username: string) => {
        if (!clients.has(username)) clients.set(username, await login(stack, username));
        return clients.get(username)!;
      };
      const admin = await clientOf('admin1');
      const doc = (await admin.call('GET', '/api/openapi.json')).body;
      const ops = operationsOf(doc);
      const bodies = ops.filter((o) => o.body);
      const lists = ops.filter((o) => o.list);
      expect(bodies.length).toBeGreaterThanOrEqual(50);
      expect(lists.length).toBeGreaterThanOrEqual(20);

      const userOf = (op: Operation) => (op.auth ? demoUser[op.roles?.[0] ?? 'supervisor'] : undefined);

      // Records to name in paths with {id}, made before the snapshot. Their workflows start but
      // never run (no worker), so nothing changes the database behind the test's back.
      const caseworker = await clientOf('caseworker1');
      const application = await caseworker.call('POST', '/api/applications', applicationBody(3));
      expect(application.status, JSON.stringify(application.body)).toBe(201);
      await register(caseworker);
      await refer(caseworker);
      await createOpening(caseworker);
      await team(caseworker);
      const csv = caseloadCsv([
        {
          household_ref: 'B1',
          community_code: 'cd-01',
          address: '东进东路1号',
          category: 'A',
          bank_account: '622848012345671000',
          enrolled_from: '2025-07-01',
          amount_fen: 29_000,
          next_recheck_on: '',
          name: '周建国',
          id_number: idNumber('19580214', 901),
          relation: 'head',
          disabled: false,
          monthly_income_fen: 60_000,
        },
      ]);
      const imported = await (await clientOf('supervisor1')).call('POST', '/api/imports', { csv });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201); // an enrolled household

      // A real id for each path with {id}, so a refusal is the validator's and not a 404. The
      // newest record: should the API wrongly accept an input, it is not a demo user signed in here.
      const ids = new Map<string, string>();
      const withoutId: string[] = [];
      for (const op of ops.filter((o) => o.path.includes('{id}'))) {
        const base = op.path.slice(0, op.path.indexOf('/{id}'));
        if (ids.has(base)) continue;
        const client = await clientOf(userOf(op) ?? 'supervisor1');
        let res = await client.call(
          'GET',
          `${base}?range=${encodeURIComponent('[0,0]')}&sort=${encodeURIComponent('["id","DESC"]')}`,
        );
        if (res.status === 400) res = await client.call('GET', `${base}?range=${encodeURIComponent('[0,0]')}`);
        let id =
          res.status === 200 && Array.isArray(res.body) && res.body[0]?.id !== undefined
            ? String(res.body[0].id)
            : undefined;
        // Only stuck workflows are listed; the application's workflow is one the API knows.
        if (id === undefined && base === '/api/workflows') id = application.body.workflowId;
        if (id === undefined) withoutId.push(base);
        ids.set(base, id ?? '1');
      }
      const idFor = (op: Operation) => ids.get(op.path.slice(0, op.path.indexOf('/{id}')));
      const allows404 = (op: Operation) =>
        op.path.includes('{id}') && withoutId.includes(op.path.slice(0, op.path.indexOf('/{id}')));

      // What each list sorts and filters by, as the API's own refusal lists them.
      const facts = new Map<string, ReturnType<typeof factsFromRefusal>>();
      for (const op of lists) {
        const client = await clientOf(userOf(op)!);
        const probe = 'bad_input_probe';
        const res = await client.call(
          'GET',
          `${op.path}?filter=${encodeURIComponent(JSON.stringify({ [probe]: 1 }))}&sort=${encodeURIComponent(JSON.stringify([probe, 'ASC']))}`,
        );
        expect(res.status, `probe ${op.path}`).toBe(400);
        const found = factsFromRefusal(res.body.errors, probe);
        // An id filter that refuses text filters a PostgreSQL integer column.
        found.numericFilters = [];
        for (const name of found.filters.filter((f) => /Id$/.test(f))) {
          const text = await client.call(
            'GET',
            `${op.path}?filter=${encodeURIComponent(JSON.stringify({ [name]: 'not-a-number' }))}`,
          );
          if (text.status === 400) found.numericFilters.push(name);
        }
        facts.set(op.path, found);
      }
      for (const op of [...bodies, ...lists]) if (userOf(op)) await clientOf(userOf(op)!);

      const before = await databaseSnapshot(stack.db, EXCLUDED);

      const bodyLimit = byteLimit(stack.env.SHEQU_BODY_LIMIT);
      const importLimit = byteLimit(IMPORT_BODY_LIMIT);
      const tried: Tried[] = [];

      const send = async (op: Operation, input: BadInput): Promise<Tried> => {
        const route = `${op.method} ${op.path}`;
        const path = op.path.replace('{id}', encodeURIComponent(idFor(op) ?? '1'));
        const headers: Record<string, string> = {};
        const user = userOf(op);
        if (user) headers.authorization = `Bearer ${clients.get(user)!.token}`;
        if (input.text !== undefined) headers['content-type'] = input.contentType ?? 'application/json';
        try {
          const res = await fetch(`${stack.baseUrl}${path}${input.query ? `?${input.query}` : ''}`, {
            method: op.method,
            headers,
            body: input.text,
            signal: AbortSignal.timeout(20_000),
          });
          const text = await res.text();
          return {
            route,
            input,
            status: res.status,
            answer: text,
            problem: problemWith(input, { status: res.status, text }, allows404(op)),
          };
        } catch (err) {
          return { route, input, status: 0, answer: String(err), problem: `no answer: ${String(err)}` };
        }
      };

      const runOperation = async (op: Operation, k: number) => {
        const plan = op.body
          ? bodyPlan(op.body, { bodyLimit: op.path === '/api/imports' ? importLimit : bodyLimit })
          : listPlan(facts.get(op.path)!);
        const { examples, arbitrary } = planRuns(plan, SEED + k * 1000);
        // Every input is recorded and judged afterwards, so one route's first failure does not hide
        // the others. The examples (each kind of input) count among numRuns, random ones follow.
        const details = await fc.check(
          fc.asyncProperty(arbitrary, async (input) => {
            tried.push(await send(op, input));
            return true;
          }),
          { numRuns: examples.length + (op.body ? RANDOM_RUNS.body : RANDOM_RUNS.list), seed: SEED + k, examples },
        );
        if (details.failed) throw new Error(`${op.method} ${op.path}: ${String(details.errorInstance)}`);
      };

      const queue = [...bodies, ...lists].map((op, k) => () => runOperation(op, k));
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let job = queue.shift(); job; job = queue.shift()) await job();
        }),
      );

      const after = await databaseSnapshot(stack.db, EXCLUDED);
      const changed = snapshotDifferences(before, after);

      // Accepted inputs first: each changed something, and may explain refusals that follow it.
      const failures = tried.filter((t) => t.problem).sort((a, b) => Number(b.status < 300) - Number(a.status < 300));
      const refused = tried.length - failures.length;
      const byStatus = new Map<number, number>();
      for (const t of tried) if (!t.problem) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
      const byCategory = new Map<Category, number>();
      for (const t of tried) byCategory.set(t.input.category, (byCategory.get(t.input.category) ?? 0) + 1);
      const routes = new Set(tried.map((t) => t.route));
      const tables = [...after.keys()].filter((k) => k.startsWith('table ')).length;
      const sequences = after.size - tables;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);

      for (const f of failures.slice(0, 40)) {
        console.log(
          `  FAIL ${f.route} [${f.input.category}] ${f.input.note}${f.input.query ? ` ?${f.input.query.slice(0, 120)}` : ''}\n       → ${f.problem}; answer ${f.status} ${f.answer.slice(0, 300)}`,
        );
      }
      if (failures.length > 40) console.log(`  … and ${failures.length - 40} more`);
      for (const c of changed) console.log(`  CHANGED ${c}`);
      byStatus.set(404, byStatus.get(404) ?? 0); // counted apart: only where no record exists to name
      const statusText = [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      const summary =
        `${tried.length} inputs over ${routes.size} routes (${bodies.length} bodies, ${lists.length} list queries), ` +
        `${refused} refused as expected (${statusText}), ` +
        `${changed.length ? `database CHANGED in ${changed.length} place(s)` : 'database unchanged'} (${tables} tables, ${sequences} sequences; ${[...EXCLUDED].join(', ')} excluded); seed ${SEED}, ${seconds} s`;
      console.log(`bad input: ${summary}`);
      recordFigure('bad input', summary);
      console.log(`bad input by kind: ${[...byCategory.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}`);
      const idPaths = new Set(
        ops.filter((o) => o.path.includes('{id}')).map((o) => o.path.slice(0, o.path.indexOf('/{id}'))),
      );
      console.log(
        `bad input ids: a real record for ${idPaths.size - withoutId.length} of ${idPaths.size} resources with {id}${withoutId.length ? `; none on file (404 accepted) for ${withoutId.join(', ')}` : ''}`,
      );

      expect(routes.size).toBe(bodies.length + lists.length);
      for (const route of routes)
        expect(tried.filter((t) => t.route === route).length, route).toBeGreaterThanOrEqual(30);
      const kinds: Category[] = [
        'malformed-json',
        'not-an-object',
        'content-type',
        'body-limit',
        'wrong-type',
        'missing-field',
        'extra-field',
        'out-of-bounds',
        'huge-string',
        'control-chars',
        'mixed-scripts',
        'fen',
        'id-number',
        'impossible-date',
        'range',
        'sort',
        'filter',
      ];
      for (const k of kinds) expect(byCategory.get(k) ?? 0, k).toBeGreaterThan(0);
      expect(failures.map((f) => `${f.route} [${f.input.category}] ${f.input.note} → ${f.problem}`)).toEqual([]);
      expect(refused).toBe(tried.length);
      expect(changed).toEqual([]);
    },
  );
});
