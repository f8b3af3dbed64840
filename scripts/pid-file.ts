import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Children run in their own process groups (so Ctrl-C reaches only the launcher, which stops
// them in order). If the launcher itself was killed hard, they are found and stopped here.

const file = (dataDir: string) => join(dataDir, 'launcher-pids.json');

export function recordPids(dataDir: string, pids: Array<number | undefined>) {
  writeFileSync(file(dataDir), JSON.stringify(pids.filter(Boolean)));
}

export async function killStale(dataDir: string, log: (s: string) => void) {
  if (!existsSync(file(dataDir))) return;
  const pids: number[] = JSON.parse(readFileSync(file(dataDir), 'utf8'));
  for (const pid of pids) {
    // A pid may have been reused since: only signal a process that is still one of ours.
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!/temporal|postgres-server|worker\/main|api\/server/.test(cmdline)) continue;
    try {
      process.kill(-pid, 'SIGTERM'); // the whole group: postgres runs under its runner
      log(`stopped process group ${pid} left over from an earlier run`);
    } catch {
      /* already gone */
    }
  }
  if (pids.length) await new Promise((r) => setTimeout(r, 1500));
  writeFileSync(file(dataDir), '[]');
}
