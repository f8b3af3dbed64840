import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

// Finds the Temporal CLI (which embeds the dev server) or builds it. Order: TEMPORAL_CLI_PATH,
// `temporal` on PATH, the cache outside the clone, then `go install` into that cache. The SDK's
// own download cannot reach its host from these machines; the Go module proxy can.

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_CANDIDATES = ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'];

export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'shequ', `temporal-${TEMPORAL_CLI_VERSION}`);
}

const isExecutable = (p: string) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export type CliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'built';

export function findTemporalCli(): { path: string; source: CliSource } | undefined {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return { path: explicit, source: 'TEMPORAL_CLI_PATH' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = join(cacheDir(), 'temporal');
  if (isExecutable(cached)) return { path: cached, source: 'cache' };
  return undefined;
}

function findGo(): string | undefined {
  return onPath('go') ?? GO_CANDIDATES.find(isExecutable);
}

export async function provisionTemporalCli(
  log: (line: string) => void = console.log,
): Promise<{ path: string; source: CliSource }> {
  const found = findTemporalCli();
  if (found) return found;
  const go = findGo();
  if (!go) {
    throw new Error(
      'The Temporal CLI is not installed and Go is not available to build it.\n' +
        '  Install Go (https://go.dev/dl, or your distribution package), or put `temporal` on PATH,\n' +
        '  or set TEMPORAL_CLI_PATH to the CLI binary, or set TEMPORAL_ADDRESS to a running Temporal server.',
    );
  }
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  log(`[provision] building Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} into ${dir}`);
  log('[provision] the first build downloads and compiles Temporal: it takes several minutes; later runs reuse it');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: dir, GOFLAGS: '-mod=mod', CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install exited with ${code}`))));
  });
  const built = join(dir, 'temporal');
  if (!existsSync(built)) throw new Error(`go install finished but ${built} is missing`);
  log(`[provision] Temporal CLI ready: ${execFileSync(built, ['--version']).toString().trim()}`);
  return { path: built, source: 'built' };
}
