import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './processes.js';

// Keeps a child process running: output is prefixed with its name, an unexpected exit is
// reported loudly and the child restarted with a growing delay. stop() ends it for good.

export interface Supervised {
  name: string;
  stop(graceMs?: number): Promise<void>;
  current(): ChildProcess | undefined;
}

const RED = '\x1b[31;1m';
const RESET = '\x1b[0m';

export function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) {
  let buf = '';
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const line of lines) out.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
  });
}

export function supervise(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let startedAt = 0;

  const start = () => {
    startedAt = Date.now();
    child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    prefixLines(name, child.stdout!, process.stdout);
    prefixLines(name, child.stderr!, process.stderr);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      // A child that stayed up for a minute starts a fresh backoff series.
      if (Date.now() - startedAt > 60_000) restarts = 0;
      restarts++;
      const delay = Math.min(30_000, 1000 * 2 ** (restarts - 1));
      process.stderr.write(
        `${RED}!!! [launcher] ${name} exited unexpectedly (code ${code}, signal ${signal}); restart #${restarts} in ${delay / 1000} s${RESET}\n`,
      );
      setTimeout(() => !stopping && start(), delay);
    });
  };
  start();
  return {
    name,
    current: () => child,
    async stop(graceMs = 10_000) {
      stopping = true;
      if (child) await stopChild(child, graceMs);
    },
  };
}
