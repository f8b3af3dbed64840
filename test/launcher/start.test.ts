import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort, waitForExit } from '../../scripts/processes.js';
import { loginRequest } from '../support/stack.js';

// `npm start` as a user runs it: everything comes up, Ctrl-C stops every child within 15 s,
// and a second start finds the data as it was.

const root = resolve(import.meta.dirname, '../..');

function startLauncher(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((res, rej) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Shequ 社区 is running')) res();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => rej(new Error(`launcher exited early (${code}):\n${out}`)));
  });
  return { child, output: () => out, ready };
}

describe('npm start', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it(
    'starts the stack, stops cleanly on SIGINT, and keeps all data across a restart',
    { timeout: 240_000 },
    async () => {
      const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
      const dataDir = mkdtempSync(join(tmpdir(), 'shequ-start-'));
      chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
      const env = {
        ...process.env,
        PORT: String(port),
        TEMPORAL_PORT: String(temporalPort),
        TEMPORAL_UI_PORT: String(uiPort),
        SHEQU_DATA_DIR: dataDir,
        TEMPORAL_CLI_PATH: inject('temporalCliPath'),
        SHEQU_DEMO_PASSWORD: 'start-test-pw',
        DATABASE_URL: '',
        TEMPORAL_ADDRESS: '',
      };
      const base = `http://127.0.0.1:${port}`;

      const first = startLauncher(env);
      children.push(first.child);
      await first.ready;
      expect(first.output()).toContain(`Console (控制台):   ${base}/`);
      expect(first.output()).toContain(`http://127.0.0.1:${uiPort}`);
      expect(first.output()).toContain('caseworker1');
      expect(first.output()).toContain('start-test-pw');
      const health = await (await fetch(`${base}/api/health`)).json();
      expect(health.status).toBe('ok');
      expect((await fetch(`${base}/`)).headers.get('content-type')).toContain('text/html');

      const token = (await (await loginRequest(base, 'admin1', 'start-test-pw')).json()).token;
      const created = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          username: 'survivor',
          password: 'longenough1',
          displayName: '重启后仍在',
          role: 'caseworker',
          orgUnitId: 3,
        }),
      });
      expect(created.status).toBe(201);

      const t0 = Date.now();
      first.child.kill('SIGINT');
      expect(await waitForExit(first.child, 15_000)).toBe(true);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(first.output()).toContain('[launcher] stopped');
      expect(
        await fetch(`${base}/api/health`).then(
          () => 'up',
          () => 'down',
        ),
      ).toBe('down');

      const second = startLauncher(env);
      children.push(second.child);
      await second.ready;
      expect(second.output()).toContain('schema up to date');
      const relogin = await (await loginRequest(base, 'survivor', 'longenough1')).json();
      expect(relogin.user.displayName).toBe('重启后仍在');
      second.child.kill('SIGTERM');
      expect(await waitForExit(second.child, 15_000)).toBe(true);
    },
  );
});
