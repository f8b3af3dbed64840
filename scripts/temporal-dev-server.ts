import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { searchAttributes } from '../domain/search-attributes.js';
import { sleep, stopChild } from './processes.js';

// Starts `temporal server start-dev` as a child and waits until its frontend answers. The SDK
// alone gives a new server ~5 s, too little on a loaded 2-core machine, so we poll longer.

export interface DevServerOptions {
  cliPath: string;
  ip?: string;
  port: number;
  uiPort?: number; // omit for a headless server
  dbFile?: string; // omit for an in-memory server
  namespace: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  onOutput?: (chunk: string) => void;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function devServerArgs(o: DevServerOptions): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    o.ip ?? '127.0.0.1',
    '--port',
    String(o.port),
    '--namespace',
    o.namespace,
  ];
  args.push('--log-level', o.logLevel ?? 'warn');
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  if (o.dbFile) args.push('--db-filename', o.dbFile);
  for (const [name, type] of Object.entries(searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  return args;
}

export async function waitForTemporal(
  address: string,
  namespace: string,
  timeoutMs: number,
  isAlive = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('Temporal dev server exited during start-up');
    try {
      const conn = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await conn.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await conn.close();
      }
    } catch (err) {
      lastError = err;
      await sleep(250);
    }
  }
  throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export async function startDevServer(o: DevServerOptions, readyTimeoutMs = 60_000): Promise<DevServer> {
  const child = spawn(o.cliPath, devServerArgs(o), { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (b: Buffer) => {
    const s = b.toString();
    output.push(s);
    if (output.length > 200) output.shift();
    o.onOutput?.(s);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const address = `${o.ip ?? '127.0.0.1'}:${o.port}`;
  try {
    await waitForTemporal(
      address,
      o.namespace,
      readyTimeoutMs,
      () => child.exitCode === null && child.signalCode === null,
    );
  } catch (err) {
    await stopChild(child, 2_000);
    throw new Error(`${(err as Error).message}\n--- temporal output ---\n${output.join('').slice(-4000)}`, {
      cause: err,
    });
  }
  return {
    address,
    uiUrl: o.uiPort ? `http://${o.ip ?? '127.0.0.1'}:${o.uiPort}` : undefined,
    child,
    stop: () => stopChild(child, 10_000),
  };
}
