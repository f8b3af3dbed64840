import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sleep } from '../../scripts/processes.js';

// Clients of the fault tests: every POST carries an Idempotency-Key, and whatever goes wrong on
// the way (the API killed, restarting, a 5xx, the key still "in progress" after a crash) is
// retried with the same key until an answer comes, as a careful client would.

export interface Answer {
  status: number;
  body: any;
  replayed: boolean;
  attempts: number;
  at: number;
}

export interface FaultClient {
  token: string;
  post(path: string, body: unknown, key?: string): Promise<Answer>;
  get(path: string): Promise<any>;
}

const retryable = (status: number, body: any) =>
  status >= 500 || (status === 409 && /in progress|正在处理中/.test(String(body?.message)));

export async function faultClient(baseUrl: string, username: string, password: string): Promise<FaultClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    token,
    async post(path, body, key = randomUUID()) {
      const deadline = Date.now() + 240_000;
      for (let attempts = 1; ; attempts++) {
        try {
          const r = await fetch(`${baseUrl}${path}`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(150_000),
          });
          const text = await r.text();
          const json = text ? JSON.parse(text) : undefined;
          if (!retryable(r.status, json))
            return {
              status: r.status,
              body: json,
              replayed: r.headers.get('idempotent-replayed') === 'true',
              attempts,
              at: Date.now(),
            };
        } catch {
          // refused or reset: the API is down or restarting
        }
        if (Date.now() > deadline) throw new Error(`POST ${path} (key ${key}) got no answer in 4 minutes`);
        await sleep(Math.min(2000, 200 * attempts));
      }
    },
    async get(path) {
      for (let attempts = 1; ; attempts++) {
        try {
          const r = await fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
          if (r.status < 500) return r.json();
        } catch {
          // down for a moment
        }
        if (attempts > 100) throw new Error(`GET ${path} kept failing`);
        await sleep(500);
      }
    },
  };
}

export interface FaultRow {
  scenario: string;
  attempted: number;
  completed: number;
  lost: number;
  duplicated: number;
  recoverS: number | null;
}

export function printFaultTable(rows: FaultRow[]): string {
  const head = ['scenario', 'attempted', 'completed', 'lost', 'duplicated', 'recover s'];
  const cells = rows.map((r) => [
    r.scenario,
    String(r.attempted),
    String(r.completed),
    String(r.lost),
    String(r.duplicated),
    r.recoverS === null ? '—' : r.recoverS.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

// Every fault file adds its scenarios here; the test run prints them as one table at the end.
const FAULT_ROWS = 'test-results/faults.jsonl';

export function recordFaultRow(row: FaultRow): void {
  mkdirSync('test-results', { recursive: true });
  appendFileSync(FAULT_ROWS, `${JSON.stringify(row)}\n`);
}

export function clearFaultRows(): void {
  rmSync(FAULT_ROWS, { force: true });
}

/** The table of every scenario run, or undefined when no fault test ran. */
export function faultTable(): string | undefined {
  if (!existsSync(FAULT_ROWS)) return undefined;
  const rows = readFileSync(FAULT_ROWS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FaultRow);
  return rows.length ? printFaultTable(rows) : undefined;
}
