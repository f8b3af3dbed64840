import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitPolicy } from '../../config/benefit-policy.js';
import {
  DEV_PII_HASH_KEY_ENV,
  DEV_PII_KEYS_ENV,
  decryptPii,
  decryptPiiWith,
  keyIdOf,
  parsePiiKeys,
  piiHash,
  piiHashWith,
} from '../../db/pii.js';
import { seedDemoCaseload } from '../../db/seeds/demo-caseload.js';
import { seedDemoReferrals } from '../../db/seeds/demo-referrals.js';
import { seedDemoVolunteers } from '../../db/seeds/demo-volunteers.js';
import { isValidIdNumber, maskAccount, maskIdNumber } from '../../domain/id-number.js';
import { seedEnrollments } from '../support/enrollments.js';
import { applicationBody, idNumber } from '../support/fixtures.js';
import { historyToJson } from '../support/history-json.js';
import { refer, seekerBody } from '../support/referrals.js';
import { login, startTestStack, waitFor, type ApiClient, type TestStack } from '../support/stack.js';
import { register, volunteerBody } from '../support/volunteers.js';

// ID numbers and bank accounts at rest, in answers and in workflow histories: after the demo
// seeds and cases made through the API (an application, a volunteer, a referral list, a month's
// run with a re-issue to a new account), no column of any table holds one in plaintext, no list
// or page a demo user gets shows one unmasked, and the one way to see one — reveal — is limited
// by role and area and leaves an audit row without the value. Then the key is rotated.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const sealedColumns: [table: string, enc: string, hash: string | null][] = [
  ['household_members', 'id_number_enc', 'id_number_hash'],
  ['households', 'bank_account_enc', 'bank_account_hash'],
  ['job_seekers', 'id_number_enc', 'id_number_hash'],
  ['volunteers', 'id_number_enc', 'id_number_hash'],
  ['payments', 'account_enc', null],
];
const demoUsers = [
  'caseworker1',
  'caseworker2',
  'reviewer1',
  'approver1',
  'finance1',
  'supervisor1',
  'admin1',
  'leader1',
];

describe('personal data: encrypted at rest, masked in answers, revealed on purpose', () => {
  let stack: TestStack;
  let cw: ApiClient, sv: ApiClient, fin: ApiClient, rev: ApiClient;
  let otherCommunity: number;
  const mine = { application: 0, householdId: 0, memberId: 0, seekerId: 0, volunteerId: 0, referral: 0 };
  const theirs = { application: 0, seekerId: 0, volunteerId: 0 };
  const sent = {
    idNumber: '',
    account: '6222020011112222333',
    reissueAccount: '6228480099998888777',
    seekerId: '',
    volunteerId: '',
  };
  let paymentId = 0;
  let runWorkflowId = '';
  /** Every ID number and account in the database, opened: what must appear nowhere else. */
  let plaintexts: Set<string>;

  const filter = (f: object) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

  beforeAll(async () => {
    stack = await startTestStack({
      env: { SHEQU_BANK_FAILURE_RATE: '0', SHEQU_BANK_LATENCY_MS: '0', SHEQU_BANK_POLL_MS: '100' },
    });
    [cw, sv, fin, rev] = await Promise.all(
      ['caseworker1', 'supervisor1', 'finance1', 'reviewer1'].map((u) => login(stack, u)),
    );
    const now = new Date();
    await seedDemoCaseload(stack.db, { now, policy: benefitPolicy(stack.env) });
    await seedDemoReferrals(stack.db, now);
    await seedDemoVolunteers(stack.db, now);
    const home = await stack.db('org_units').where({ id: 3 }).first('parent_id');
    otherCommunity = (
      await stack
        .db('org_units')
        .where({ kind: 'community' })
        .whereNot({ parent_id: home.parent_id })
        .orderBy('id')
        .first('id')
    ).id;

    // Through the API, as the console does: one of each in caseworker1's community, and one elsewhere.
    const body = applicationBody(3, { bankAccount: sent.account });
    sent.idNumber = body.members[0].idNumber;
    const app = await cw.call('POST', '/api/applications', body);
    expect(app.status).toBe(201);
    Object.assign(mine, {
      application: app.body.id,
      householdId: app.body.householdId,
      memberId: app.body.members[0].id,
    });
    const elsewhere = await sv.call('POST', '/api/applications', applicationBody(otherCommunity));
    expect(elsewhere.status).toBe(201);
    theirs.application = elsewhere.body.id;

    const seeker = seekerBody(3);
    sent.seekerId = seeker.idNumber;
    const batch = await refer(cw, [seeker]);
    mine.referral = batch.referralIds[0];
    mine.seekerId = (await cw.call('GET', `/api/referrals/${mine.referral}`)).body.seekerId;
    const otherBatch = await refer(sv, [seekerBody(otherCommunity)]);
    theirs.seekerId = (await sv.call('GET', `/api/referrals/${otherBatch.referralIds[0]}`)).body.seekerId;

    const vol = volunteerBody();
    sent.volunteerId = vol.idNumber;
    mine.volunteerId = (await register(cw, vol)).id;
    theirs.volunteerId = (await register(sv, volunteerBody({ communityId: otherCommunity }))).id;

    // A month's run over what is enrolled, one household without an account: re-issued to a new one.
    await seedEnrollments(stack.db, [
      { communityId: 3 },
      { communityId: 3, account: null },
      { communityId: otherCommunity },
    ]);
    const started = await fin.call('POST', '/api/disbursement-runs', { period: '2027-01' });
    expect(started.status).toBe(201);
    const runId = started.body.id;
    runWorkflowId = started.body.workflowId;
    const runOf = async () => (await fin.call('GET', `/api/disbursement-runs/${runId}`)).body;
    await waitFor('run awaiting sign-off', async () => (await runOf()).phase === 'awaiting_signoff', 120_000);
    expect((await fin.call('POST', `/api/disbursement-runs/${runId}/approve`, {})).status).toBe(200);
    await waitFor('run resolving', async () => (await runOf()).phase === 'resolving', 120_000);
    const failed = (await fin.call('GET', `/api/payments?${filter({ runId, status: 'failed', communityId: 3 })}`)).body;
    expect(failed.length).toBeGreaterThan(0);
    paymentId = failed[0].id;
    const reissued = await fin.call('POST', `/api/payments/${paymentId}/reissue`, { account: sent.reissueAccount });
    expect(reissued.status).toBe(200);
    await waitFor('re-issued line paid', async () => {
      const lines = (await fin.call('GET', `/api/payments?${filter({ runId, kind: 'reissue' })}`)).body;
      return lines.length === 1 && lines[0].status === 'paid';
    });
    // Completes by itself once every line is paid or re-issued; lines of others still open are carried.
    await waitFor('run settled', async () => ['resolving', 'completed'].includes((await runOf()).phase), 120_000);
    if ((await runOf()).phase === 'resolving')
      expect((await fin.call('POST', `/api/disbursement-runs/${runId}/close`, {})).status).toBe(200);
    await waitFor('run completed', async () => (await runOf()).phase === 'completed', 120_000);

    plaintexts = new Set<string>();
    for (const [table, enc] of sealedColumns) {
      for (const v of await stack.db(table).whereNotNull(enc).pluck(enc)) plaintexts.add(decryptPii(v));
    }
  }, 600_000);
  afterAll(() => stack?.stop());

  it('stores sealed values, keyed hashes and masked forms only', async () => {
    expect(plaintexts.size).toBeGreaterThan(4000); // the demo district's people and accounts, and ours
    for (const v of Object.values(sent)) expect(plaintexts.has(v)).toBe(true);
    for (const [table, enc, hash] of sealedColumns) {
      const rows = await stack.db(table).whereNotNull(enc).select('*');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const plain = decryptPii(r[enc]);
        expect(keyIdOf(r[enc])).toBe('dev');
        if (hash) expect(r[hash]).toBe(piiHash(plain));
        const masked = r[enc.replace('_enc', '_masked')];
        expect(masked).toBe(enc.startsWith('id_number') ? maskIdNumber(plain) : maskAccount(plain));
      }
    }
    // A line built without an account keeps the "no account" shape.
    const noAccount = await stack
      .db('payments')
      .where({ failure_reason: 'no_account' })
      .first('account_enc', 'account_masked');
    expect(noAccount).toMatchObject({ account_enc: null, account_masked: '' });
  });

  it('no text column of any table holds an ID number or account in plaintext', async () => {
    // Every audit row here was written after migration 011 (the template is migrated before it is seeded).
    const columns = await stack
      .db('information_schema.columns')
      .where({ table_schema: 'public' })
      .whereIn('data_type', ['text', 'character varying', 'jsonb', 'json', 'character'])
      .select('table_name', 'column_name');
    expect(columns.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const { table_name: t, column_name: c } of columns) {
      const values: { v: string }[] = await stack
        .db(t)
        .whereNotNull(c)
        .select(stack.db.raw('??::text AS v', [c]));
      for (const { v } of values) {
        for (const run of v.match(/[0-9X]{12,}/g) ?? []) {
          for (const p of plaintexts) if (run.includes(p)) found.push(`${t}.${c}: ${maskIdNumber(p)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('workflow histories carry no ID number or account, the re-issued account included', async () => {
    for (const id of [
      runWorkflowId,
      `benefit-${mine.application}`,
      `volunteer-${mine.volunteerId}`,
      `referral-${mine.referral}`,
    ]) {
      const history = await stack.temporal.workflow.getHandle(id).fetchHistory();
      const json = historyToJson(history);
      // Payloads are base64 in the JSON: open each one.
      const decoded = [...json.matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)]
        .map((m) => Buffer.from(m[1], 'base64').toString('utf8'))
        .join('\n');
      for (const p of plaintexts) {
        expect(json.includes(p), `${id} (raw)`).toBe(false);
        expect(decoded.includes(p), `${id} payloads`).toBe(false);
      }
    }
    // The Update did carry the account: sealed.
    const history = historyToJson(await stack.temporal.workflow.getHandle(runWorkflowId).fetchHistory());
    const payloads = [...history.matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString('utf8'),
    );
    expect(payloads.some((p) => /"accountSealed":"v1:dev:/.test(p))).toBe(true);
  });

  it('no list or page a demo user gets shows a full ID number or account', async () => {
    const doc = (await cw.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const lists = Object.entries(doc.paths)
      .filter(([p, m]) => m.get && !p.includes('{'))
      .map(([p]) => p);
    const shows = Object.entries(doc.paths)
      .filter(([p, m]) => m.get && /^\/api\/[\w-]+\/\{id\}$/.test(p))
      .map(([p]) => p);
    expect(shows.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    const check = (who: string, path: string, text: string) => {
      for (const m of text.match(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g) ?? [])
        if (isValidIdNumber(m)) leaks.push(`${who} ${path}: ID ${maskIdNumber(m)}`);
      for (const run of text.match(/[0-9X]{12,}/g) ?? [])
        for (const p of plaintexts) if (run.includes(p)) leaks.push(`${who} ${path}: ${maskIdNumber(p)}`);
    };
    let answers = 0;
    for (const username of demoUsers) {
      const client = await login(stack, username);
      for (const path of lists) {
        const res = await fetch(`${stack.baseUrl}${path}?range=[0,199]`, {
          headers: { authorization: `Bearer ${client.token}` },
        });
        const text = await res.text();
        check(username, path, text);
        answers++;
        const showPath = `${path}/{id}`;
        if (res.status !== 200 || !shows.includes(showPath)) continue;
        let rows: { id?: unknown }[];
        try {
          rows = JSON.parse(text);
        } catch {
          continue;
        }
        if (!Array.isArray(rows)) continue;
        for (const row of rows.slice(0, 5)) {
          if (row.id === undefined) continue;
          const one = await fetch(`${stack.baseUrl}${path}/${String(row.id)}`, {
            headers: { authorization: `Bearer ${client.token}` },
          });
          check(username, `${path}/${String(row.id)}`, await one.text());
          answers++;
        }
      }
    }
    expect(answers).toBeGreaterThan(200);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('reveals a value to a role the policy allows, audited without the value', async () => {
    const before = Number((await stack.db('audit_events').where({ action: 'pii.reveal' }).count())[0].count);
    const id = await cw.call(
      'POST',
      `/api/applications/${mine.application}/reveal`,
      { field: 'idNumber', memberId: mine.memberId },
      { 'Idempotency-Key': 'reveal-1' },
    );
    expect(id.status).toBe(200);
    expect(id.body).toEqual({ value: sent.idNumber });
    expect(id.headers.get('cache-control')).toBe('no-store');
    // The same key again: not a stored replay (that would have kept the value), a new reveal.
    const again = await cw.call(
      'POST',
      `/api/applications/${mine.application}/reveal`,
      { field: 'idNumber', memberId: mine.memberId },
      { 'Idempotency-Key': 'reveal-1' },
    );
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await stack.db('idempotency_keys').where({ key: 'reveal-1' }).first()).toBeUndefined();

    expect(
      (await cw.call('POST', `/api/applications/${mine.application}/reveal`, { field: 'bankAccount' })).body,
    ).toEqual({ value: sent.account });
    expect(
      (
        await cw.call('POST', `/api/households/${mine.householdId}/reveal`, {
          field: 'idNumber',
          memberId: mine.memberId,
        })
      ).body,
    ).toEqual({ value: sent.idNumber });
    expect(
      (await cw.call('POST', `/api/households/${mine.householdId}/reveal`, { field: 'bankAccount' })).body,
    ).toEqual({ value: sent.account });
    expect((await cw.call('POST', `/api/job-seekers/${mine.seekerId}/reveal`, { field: 'idNumber' })).body).toEqual({
      value: sent.seekerId,
    });
    expect((await cw.call('POST', `/api/volunteers/${mine.volunteerId}/reveal`, { field: 'idNumber' })).body).toEqual({
      value: sent.volunteerId,
    });
    // The failed line had no account to show; its re-issue has the new one.
    expect((await fin.call('POST', `/api/payments/${paymentId}/reveal`, { field: 'bankAccount' })).status).toBe(404);
    const reissue = await stack.db('payments').where({ reissue_of: paymentId }).first('id');
    expect((await fin.call('POST', `/api/payments/${reissue.id}/reveal`, { field: 'bankAccount' })).body).toEqual({
      value: sent.reissueAccount,
    });

    const rows = await stack.db('audit_events').where({ action: 'pii.reveal' }).orderBy('id').select('*');
    expect(rows.length - before).toBe(8);
    expect(rows.at(-8)).toMatchObject({
      actor_username: 'caseworker1',
      entity_type: 'application',
      entity_id: String(mine.application),
      org_unit_id: 3,
      after: { field: 'idNumber', memberId: mine.memberId },
    });
    expect(rows.map((r) => r.entity_type)).toEqual(
      expect.arrayContaining(['application', 'household', 'job_seeker', 'volunteer', 'payment']),
    );
    const text = JSON.stringify(rows);
    for (const v of Object.values(sent)) expect(text).not.toContain(v);
  });

  it('refuses roles without the grant (403) and records outside the area (404)', async () => {
    const reveal = (c: ApiClient, path: string, body: object) => c.call('POST', path, body).then((r) => r.status);
    expect(await reveal(fin, `/api/applications/${mine.application}/reveal`, { field: 'bankAccount' })).toBe(403);
    expect(await reveal(fin, `/api/households/${mine.householdId}/reveal`, { field: 'bankAccount' })).toBe(403);
    expect(await reveal(rev, `/api/job-seekers/${mine.seekerId}/reveal`, { field: 'idNumber' })).toBe(403);
    expect(await reveal(rev, `/api/volunteers/${mine.volunteerId}/reveal`, { field: 'idNumber' })).toBe(403);
    expect(await reveal(cw, `/api/payments/${paymentId}/reveal`, { field: 'bankAccount' })).toBe(403);

    expect(await reveal(cw, `/api/applications/${theirs.application}/reveal`, { field: 'bankAccount' })).toBe(404);
    expect(await reveal(cw, `/api/job-seekers/${theirs.seekerId}/reveal`, { field: 'idNumber' })).toBe(404);
    expect(await reveal(cw, `/api/volunteers/${theirs.volunteerId}/reveal`, { field: 'idNumber' })).toBe(404);
    const otherHousehold = (await sv.call('GET', `/api/applications/${theirs.application}`)).body.householdId;
    expect(await reveal(cw, `/api/households/${otherHousehold}/reveal`, { field: 'bankAccount' })).toBe(404);
    // The district sees it all.
    expect(await reveal(sv, `/api/job-seekers/${theirs.seekerId}/reveal`, { field: 'idNumber' })).toBe(200);
  });

  it('refuses bad requests field by field', async () => {
    const path = `/api/applications/${mine.application}/reveal`;
    const noMember = await cw.call('POST', path, { field: 'idNumber' });
    expect(noMember.status).toBe(400);
    expect(noMember.body.errors).toHaveProperty('memberId');
    const memberOnAccount = await cw.call('POST', path, { field: 'bankAccount', memberId: mine.memberId });
    expect(memberOnAccount.status).toBe(400);
    expect(memberOnAccount.body.errors).toHaveProperty('memberId');
    expect((await cw.call('POST', path, { field: 'name' })).status).toBe(400);
    expect((await cw.call('POST', path, { field: 'bankAccount', extra: 1 })).status).toBe(400);
    expect((await cw.call('POST', `/api/volunteers/${mine.volunteerId}/reveal`, { field: 'bankAccount' })).status).toBe(
      400,
    );
    // A member of another household is not found through this one.
    const stranger = await stack.db('household_members').whereNot({ household_id: mine.householdId }).first('id');
    expect((await cw.call('POST', path, { field: 'idNumber', memberId: stranger.id })).status).toBe(404);
  });

  it('finds a person by her whole ID number through the hash, and by its last digits', async () => {
    const byWhole = (await cw.call('GET', `/api/applications?${filter({ q: sent.idNumber })}`)).body;
    expect(byWhole.map((a: { id: number }) => a.id)).toEqual([mine.application]);
    const byLower = (await cw.call('GET', `/api/households?${filter({ q: sent.idNumber.toLowerCase() })}`)).body;
    expect(byLower.map((h: { id: number }) => h.id)).toEqual([mine.householdId]);
    const byDigits = (await cw.call('GET', `/api/applications?${filter({ q: sent.idNumber.slice(-4) })}`)).body;
    expect(byDigits.map((a: { id: number }) => a.id)).toContain(mine.application);
    expect(
      (await cw.call('GET', `/api/job-seekers?${filter({ q: sent.seekerId })}`)).body.map((s: { id: number }) => s.id),
    ).toEqual([mine.seekerId]);
    expect(
      (await cw.call('GET', `/api/volunteers?${filter({ q: sent.volunteerId })}`)).body.map(
        (v: { id: number }) => v.id,
      ),
    ).toEqual([mine.volunteerId]);
    expect((await cw.call('GET', `/api/applications?${filter({ q: idNumber('19990101', 977) })}`)).body).toEqual([]);
  });

  it('refuses a second registration of the same person by hash', async () => {
    const again = await cw.call('POST', '/api/volunteers', {
      ...volunteerBody(),
      idNumber: sent.volunteerId.toLowerCase(),
    });
    expect(again.status).toBe(409);
  });

  it('npm run pii:rotate re-seals everything under a new key, once, and recomputes hashes', async () => {
    const newKey = `new:${randomBytes(32).toString('base64')}`;
    const newHash = randomBytes(32).toString('base64');
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: stack.env.DATABASE_URL!,
      SHEQU_PII_KEYS: `${newKey},${DEV_PII_KEYS_ENV}`,
      SHEQU_PII_HASH_KEY: newHash,
      SHEQU_PII_HASH_KEY_PREVIOUS: DEV_PII_HASH_KEY_ENV,
    };
    const rotate = () =>
      run(process.execPath, ['--import', 'tsx', 'scripts/pii-rotate.ts'], { cwd: root, env, timeout: 240_000 });
    const first = await rotate();
    expect(first.stdout).toMatch(/household_members\.id_number\s+[1-9]\d* re-sealed/);
    expect(first.stdout).toMatch(/bank_files\.content\s+[1-9]\d* re-sealed/);

    const ring = parsePiiKeys(`${newKey},${DEV_PII_KEYS_ENV}`, newHash);
    const onlyNew = parsePiiKeys(newKey, newHash);
    const opened = new Set<string>();
    for (const [table, enc, hash] of sealedColumns) {
      for (const r of await stack
        .db(table)
        .whereNotNull(enc)
        .select(enc, ...(hash ? [hash] : []))) {
        expect(keyIdOf(r[enc])).toBe('new');
        const plain = decryptPiiWith(onlyNew, r[enc]);
        opened.add(plain);
        if (hash) expect(r[hash]).toBe(piiHashWith(ring, plain));
      }
    }
    expect(opened).toEqual(plaintexts);
    for (const table of ['bank_files', 'sim_bank_batches']) {
      for (const f of await stack.db(table).pluck('content_enc'))
        expect(decryptPiiWith(onlyNew, f)).toMatch(/^line_id,account,name,amount_yuan\r\n/);
    }

    // Idempotent: a second run finds nothing to do.
    const second = await rotate();
    expect(second.stdout).not.toMatch(/[1-9]\d* re-sealed/);
    expect(second.stdout).not.toMatch(/[1-9]\d* hashes recomputed/);
  }, 300_000);
});
