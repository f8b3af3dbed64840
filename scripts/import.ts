import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startCases } from '../api/temporal/benefit-start.js';
import { benefitPolicy } from '../config/benefit-policy.js';
import { ConfigError, loadEnv } from '../config/env.js';
import { temporalTarget } from '../config/temporal.js';
import { importCaseload } from '../db/caseload-import.js';
import type { CaseloadRowError } from '../domain/caseload-csv.js';
import { failScript, openScriptDb } from './script-db.js';

// `npm run import -- caseload.csv [--dry-run] [--as=username]`: loads a bureau's enrolled
// households, all or nothing, then starts each case's workflow at `enrolled`.
// Exit codes: 0 loaded (or clean dry run), 1 bad rows (nothing loaded), 2 cannot run
// (usage, no database, unknown user), 3 loaded but workflows not started (the API starts
// them at its next start-up).

const usage = 'usage: npm run import -- <file.csv> [--dry-run] [--as=<username>]';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--dry-run');
const asUser = args.find((a) => a.startsWith('--as='))?.slice('--as='.length);
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && !a.startsWith('--as='));
if (!file || unknown.length) failScript(unknown.length ? `unknown option ${unknown.join(' ')}\n${usage}` : usage);

let env;
try {
  env = loadEnv();
} catch (e) {
  failScript(e instanceof ConfigError ? e.message : String(e));
}

let text: string;
try {
  text = decode(readFileSync(resolve(process.cwd(), file)));
} catch (e) {
  failScript(`cannot read ${file}: ${(e as Error).message}`);
}

const db = await openScriptDb(env, 'the import');

const users = db('users').where({ active: true });
const actor = await (asUser ? users.where({ username: asUser }) : users.where({ role: 'admin' }).orderBy('id')).first(
  'id',
  'username',
  'role',
);
if (!actor) {
  await db.destroy();
  failScript(
    asUser ? `no active user ${asUser}` : 'no active admin user to record the import under: pass --as=<username>',
  );
}

const policy = benefitPolicy(env);
const result = await importCaseload(db, text, {
  actor,
  dryRun,
  now: new Date(),
  recheckDays: policy.recheckDays,
  daySeconds: policy.daySeconds,
});
await db.destroy();

if (!result.ok) {
  console.error(
    `${file}: ${result.errors.length} 处错误，未导入任何数据 (${result.errors.length} problem(s); nothing was loaded)\n`,
  );
  console.error(errorTable(result.errors));
  process.exit(1);
}

const yuanOf = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
if (result.dryRun) {
  console.log(
    `${file}: 检查通过 (clean): ${result.households} households, ${result.members} members, ${yuanOf(result.totalAmountFen)} a month. Nothing loaded (--dry-run).`,
  );
  process.exit(0);
}
console.log(
  `loaded ${result.households} households, ${result.members} members, ${result.enrollments} enrollments (${yuanOf(result.totalAmountFen)} a month) ` +
    `as ${actor.username}; applications ${result.applicationIds[0]}–${result.applicationIds.at(-1)}`,
);

// The rows are committed: from here a failure only delays the workflows, it loses nothing.
const address = env.TEMPORAL_ADDRESS ?? `127.0.0.1:${env.TEMPORAL_PORT}`;
let connection: Connection;
try {
  const target = temporalTarget(env, address);
  connection = await Connection.connect({
    address: target.address,
    tls: target.tls,
    apiKey: target.apiKey,
    connectTimeout: '10 seconds',
  });
} catch (e) {
  console.error(
    `cannot reach Temporal at ${address} (${(e as Error).message}): the ${result.households} workflows were not started; the API starts them at its next start-up.`,
  );
  process.exit(3);
}
const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
const report = await startCases(temporal, env, result.cases, 16, (done) => {
  if (done % 200 === 0) console.log(`  started ${done}/${result.cases.length} workflows…`);
});
await connection.close();
if (report.failed.length) {
  console.error(
    `started ${report.started} workflows; ${report.failed.length} failed (first: ${report.failed[0].error}); the API starts them at its next start-up.`,
  );
  process.exit(3);
}
console.log(`started ${report.started} workflows (benefit-<id>, at enrolled, re-check timers set)`);
process.exit(0);

/** UTF-8 (with or without BOM), or GB18030 as Excel on Chinese Windows saves "CSV". */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function errorTable(errors: readonly CaseloadRowError[]): string {
  // CJK characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const rows = [['row 行', 'column 列', 'problem 问题'], ...errors.map((e) => [String(e.row), e.field, e.message])];
  const w0 = Math.max(...rows.map((r) => width(r[0])));
  const w1 = Math.max(...rows.map((r) => width(r[1])));
  const lines = rows.map((r) => `${pad(r[0], w0)}  ${pad(r[1], w1)}  ${r[2]}`);
  lines.splice(1, 0, `${'─'.repeat(w0)}  ${'─'.repeat(w1)}  ${'─'.repeat(12)}`);
  return lines.join('\n');
}
