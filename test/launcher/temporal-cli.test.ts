import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, findTemporalCli, provisionTemporalCli } from '../../scripts/temporal-cli.js';

function fakeBinary(dir: string, name = 'temporal'): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\necho temporal version 1.5.1\n');
  chmodSync(p, 0o755);
  return p;
}

describe('Temporal CLI provisioning', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('resolves TEMPORAL_CLI_PATH, then PATH, then the cache outside the clone', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'shequ-cli-'));
    process.env.XDG_CACHE_HOME = join(tmp, 'cache');
    const onPath = fakeBinary(join(tmp, 'bin'));
    const cached = fakeBinary(cacheDir());
    const explicit = fakeBinary(join(tmp, 'explicit'));

    process.env.PATH = join(tmp, 'bin');
    process.env.TEMPORAL_CLI_PATH = explicit;
    expect(findTemporalCli()).toEqual({ path: explicit, source: 'TEMPORAL_CLI_PATH' });

    delete process.env.TEMPORAL_CLI_PATH;
    expect(findTemporalCli()).toEqual({ path: onPath, source: 'PATH' });

    process.env.PATH = join(tmp, 'empty');
    expect(findTemporalCli()).toEqual({ path: cached, source: 'cache' });
    expect(cached.startsWith(join(tmp, 'cache', 'shequ'))).toBe(true);
  });

  it('a second run reuses the cached build instead of building again', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'shequ-cli-'));
    process.env.XDG_CACHE_HOME = tmp;
    process.env.PATH = join(tmp, 'nothing-here');
    delete process.env.TEMPORAL_CLI_PATH;
    const cached = fakeBinary(cacheDir());
    const lines: string[] = [];
    const first = await provisionTemporalCli((l) => lines.push(l));
    const second = await provisionTemporalCli((l) => lines.push(l));
    expect(first).toEqual({ path: cached, source: 'cache' });
    expect(second).toEqual(first);
    expect(lines).toEqual([]); // nothing was built
  });

  it('refuses a TEMPORAL_CLI_PATH that is not executable, naming it', () => {
    process.env.TEMPORAL_CLI_PATH = '/nonexistent/temporal';
    expect(() => findTemporalCli()).toThrow(/TEMPORAL_CLI_PATH=\/nonexistent\/temporal/);
  });
});
