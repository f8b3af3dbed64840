import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { stopChild, waitForExit } from '../../scripts/processes.js';

// The real worker (`worker/main.ts`) as a child process, for tests that kill it. Ready once it
// says it polls; its output is kept for the failure message.

const root = resolve(import.meta.dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** kill -9: no drain, no goodbye; whatever it was running is lost mid-flight. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkerProcess(env: Record<string, string>, readyTimeoutMs = 120_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const proc: WorkerProcess = {
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    },
    stop: () => stopChild(child, 15_000),
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!out.includes('[worker] polling')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited during start-up:\n${out}`);
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(`worker not ready within ${readyTimeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}
