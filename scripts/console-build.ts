import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Builds the console when admin/dist is missing or older than its sources, so `npm start`
// on a fresh clone serves a console without a separate build step.

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'admin/dist/index.html');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

export function consoleIsStale(): boolean {
  if (!existsSync(dist)) return true;
  const sources = ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'domain']
    .map((p) => join(root, p))
    .filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(dist).mtimeMs;
}

export function buildConsole(log: (s: string) => void = console.log): void {
  log('[launcher] building the console (vite build)…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Under vitest NODE_ENV is "test", which would give React's development build (slow to
      // start in a browser, and not what users get).
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error('console build failed');
}
