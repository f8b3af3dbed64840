import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { benefitPolicy } from '../config/benefit-policy.js';
import { ConfigError, loadEnv } from '../config/env.js';
import { localKeyFile, useLocalPiiKeys } from './local-pii-keys.js';
import { demoUsers } from '../db/seeds/org-structure.js';
import { caseloadLine } from './caseload-line.js';
import { buildConsole, consoleIsStale } from './console-build.js';
import { killStale, recordPids } from './pid-file.js';
import { prepareDatabase } from './prepare-db.js';
import { portIsFree, sleep, stopChild } from './processes.js';
import { supervise, type Supervised } from './supervisor.js';
import { provisionTemporalCli } from './temporal-cli.js';
import { startDevServer, waitForTemporal, type DevServer } from './temporal-dev-server.js';

// `npm start`: PostgreSQL → Temporal → migrations and seed → worker → API (+ console).
// Ctrl-C stops them in reverse order, so in-flight work drains before its dependencies go.

const root = resolve(import.meta.dirname, '..');
const log = (s: string) => console.log(`[launcher] ${s}`);

let env;
try {
  env = loadEnv();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const dataDir = resolve(root, env.SHEQU_DATA_DIR);
mkdirSync(dataDir, { recursive: true });
await killStale(dataDir, log);
const piiKeys = useLocalPiiKeys(dataDir);
if (piiKeys !== 'environment')
  log(
    `ID numbers and bank accounts are encrypted with this machine's keys in ${localKeyFile(dataDir)} (${piiKeys}); a deployment sets SHEQU_PII_KEYS and SHEQU_PII_HASH_KEY`,
  );

let pgProcess: ChildProcess | undefined;
let devServer: DevServer | undefined;
const supervised: Supervised[] = [];
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping: API and worker first, then Temporal, then PostgreSQL');
  const hardStop = setTimeout(() => {
    console.error('[launcher] shutdown took longer than 15 s; killing what is left');
    for (const s of supervised) s.current()?.kill('SIGKILL');
    devServer?.child.kill('SIGKILL');
    pgProcess?.kill('SIGKILL');
    process.exit(1);
  }, 15_000);
  await Promise.all(supervised.map((s) => s.stop(8_000)));
  if (devServer) await stopChild(devServer.child, 3_000);
  if (pgProcess) await stopChild(pgProcess, 3_000);
  clearTimeout(hardStop);
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  // 1. PostgreSQL
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    log(`using PostgreSQL from DATABASE_URL`);
  } else {
    log(`starting embedded PostgreSQL (data in ${join(env.SHEQU_DATA_DIR, 'pg')})`);
    pgProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/postgres-server.ts'),
        join(dataDir, 'pg'),
        'shequ',
        String(env.SHEQU_PG_PORT),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true,
      },
    );
    databaseUrl = await new Promise<string>((res, rej) => {
      const rl = createInterface({ input: pgProcess!.stdout! });
      rl.once('line', (line) => res(JSON.parse(line).url));
      pgProcess!.once('exit', (c) => rej(new Error(`embedded PostgreSQL exited with code ${c}`)));
    });
  }

  // 2. Temporal
  let temporalAddress = env.TEMPORAL_ADDRESS;
  let temporalUi = env.TEMPORAL_UI_URL;
  if (temporalAddress) {
    log(`using Temporal at ${temporalAddress} (namespace ${env.TEMPORAL_NAMESPACE})`);
    if (!env.TEMPORAL_API_KEY && !env.TEMPORAL_TLS_CERT_PATH)
      await waitForTemporal(temporalAddress, env.TEMPORAL_NAMESPACE, 30_000);
  } else {
    const cli = await provisionTemporalCli(log);
    log(`Temporal CLI: ${cli.path} (${cli.source})`);
    for (const [name, port] of [
      ['TEMPORAL_PORT', env.TEMPORAL_PORT],
      ['TEMPORAL_UI_PORT', env.TEMPORAL_UI_PORT],
    ] as const) {
      if (!(await portIsFree(port)))
        throw new Error(
          `port ${port} is in use: set ${name} to another port, or TEMPORAL_ADDRESS to use the server already there`,
        );
    }
    log(
      `starting Temporal dev server on 127.0.0.1:${env.TEMPORAL_PORT} (history in ${join(env.SHEQU_DATA_DIR, 'temporal.db')})`,
    );
    devServer = await startDevServer({
      cliPath: cli.path,
      port: env.TEMPORAL_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
      dbFile: join(dataDir, 'temporal.db'),
      namespace: env.TEMPORAL_NAMESPACE,
    });
    temporalAddress = devServer.address;
    temporalUi = devServer.uiUrl;
  }
  recordPids(dataDir, [pgProcess?.pid, devServer?.child.pid]);

  // 3. Schema and demo data
  const { applied, seed, caseload } = await prepareDatabase(databaseUrl, env.SHEQU_DEMO_PASSWORD, {
    demoCaseload: true,
    policy: benefitPolicy(env),
  });
  log(
    `database ready: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}; ${seed.orgUnits} org units; ${seed.usersCreated.length ? `created ${seed.usersCreated.join(', ')}` : 'demo users present'}`,
  );
  if (caseload) log(caseloadLine(caseload));

  // 4. Console
  if (consoleIsStale()) {
    try {
      buildConsole();
    } catch (err) {
      console.error(
        `\x1b[31;1m!!! [launcher] ${(err as Error).message}: the API runs, the console at / is missing\x1b[0m`,
      );
    }
  }

  // 5. Worker and API
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...(temporalUi ? { TEMPORAL_UI_URL: temporalUi } : {}),
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  const tsx = ['--import', 'tsx'];
  supervised.push(supervise('worker', process.execPath, [...tsx, join(root, 'worker/main.ts')], childEnv));
  supervised.push(supervise('api', process.execPath, [...tsx, join(root, 'api/server.ts')], childEnv));
  recordPids(dataDir, [pgProcess?.pid, devServer?.child.pid, ...supervised.map((s) => s.current()?.pid)]);

  const base = `http://${env.HOST}:${env.PORT}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await sleep(500);
  }
  const bar = '─'.repeat(64);
  console.log(`\n${bar}
  Shequ 社区 is running
  Console (控制台):   ${base}/
  API:                ${base}/api   (OpenAPI: ${base}/api/openapi.json)
  Temporal Web UI:    ${temporalUi ?? '(external cluster: see your Temporal UI)'}
  Temporal frontend:  ${temporalAddress}   namespace ${env.TEMPORAL_NAMESPACE}
  Demo logins (password: ${env.SHEQU_DEMO_PASSWORD}):
${demoUsers.map((u) => `    ${u.username.padEnd(12)} ${u.role.padEnd(18)} ${u.displayName}`).join('\n')}
  Stop with Ctrl-C; data stays in ${env.DATABASE_URL ? 'your PostgreSQL' : env.SHEQU_DATA_DIR + '/'} for the next start.
${bar}\n`);
} catch (err) {
  console.error(`[launcher] could not start: ${(err as Error).message}`);
  await shutdown(1);
}
