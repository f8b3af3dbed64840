import { ConfigError, loadEnv } from '../config/env.js';
import { describeChainReport, verifyAuditChain } from '../db/audit-chain.js';
import { failScript, openScriptDb } from './script-db.js';

// `npm run audit:verify`: recomputes the audit log's hash chain (db/audit-chain.ts).
// Exit codes: 0 the chain holds, 1 a broken link (named on stderr), 2 cannot run.

let env;
try {
  env = loadEnv();
} catch (e) {
  failScript(e instanceof ConfigError ? e.message : String(e));
}

const db = await openScriptDb(env, 'the check', 1);
let report;
try {
  report = await verifyAuditChain(db);
} catch (e) {
  await db.destroy();
  failScript(
    `cannot verify the audit chain (${env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}): ${(e as Error).message}`,
  );
}
await db.destroy();

if (report.ok) {
  console.log(describeChainReport(report));
  process.exit(0);
}
console.error(describeChainReport(report));
process.exit(1);
