import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { stopChild, waitForExit } from '../../scripts/processes.js';

// The real worker (`worker/main.ts`) and API (`api/server.ts`) as child processes, for tests
// that kill them. Ready once they say so; their output is kept for the failure message.

const root = resolve(import.meta.dirname, '../..');

export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  /** kill -9: no drain, no goodbye; whatever it was running is lost mid-flight. */
  kill(): Promise<void>;
  /** SIGTERM, then wait for it to drain and exit (SIGKILL after the grace). */
  stop(graceMs?: number): Promise<void>;
}

async function startService(
  script: string,
  ready: string,
  env: Record<string, string>,
  readyTimeoutMs: number,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const proc: ServiceProcess = {
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    },
    stop: (graceMs = 15_000) => stopChild(child, graceMs),
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!out.includes(ready)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${script} exited during start-up:\n${out}`);
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(`${script} not ready within ${readyTimeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

export type WorkerProcess = ServiceProcess;

export const startWorkerProcess = (env: Record<string, string>, readyTimeoutMs = 120_000) =>
  startService('worker/main.ts', '[worker] polling', env, readyTimeoutMs);

/** The API on `env.PORT`; ready once it listens. */
export const startApiProcess = (env: Record<string, string>, readyTimeoutMs = 60_000) =>
  startService('api/server.ts', '[api] listening', env, readyTimeoutMs);
