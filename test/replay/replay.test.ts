import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { historyFromJson } from '../support/history-json.js';
import { HISTORY_DIR } from '../support/histories.js';

// Cases and runs already running must survive a deploy: today's workflow code replays every recorded
// history (approval, rejection, return, objection, duplicate override, re-check, change,
// suspend/resume/terminate, continue-as-new; referral paths to placement, decline, leaving,
// withdrawal) without a nondeterminism error. Record afresh with
// `SHEQU_RECORD_HISTORIES=1 npx vitest run test/workflows` when a change is meant to be
// incompatible, and ship it behind workflow versioning (patched()) instead.

const files = readdirSync(HISTORY_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('replay of recorded case histories (benefit, disbursement, referral)', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it('replays every one with the current workflow code', { timeout: 120_000 }, async () => {
    const histories = files.map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromJson(readFileSync(resolve(HISTORY_DIR, f), 'utf8')),
    }));
    const results = [];
    for await (const r of Worker.runReplayHistories(
      { workflowBundle: { codePath: inject('workflowBundlePath') } },
      histories,
    ))
      results.push(r);
    const failed = results.filter((r) => r.error).map((r) => `${r.workflowId}: ${r.error?.message}`);
    expect(failed).toEqual([]);
    expect(results).toHaveLength(files.length);
  });
});
