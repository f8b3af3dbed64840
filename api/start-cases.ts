import type { Client } from '@temporalio/client';
import type { Env } from '../config/env.js';
import { startBenefitWorkflow, type StartableCase } from './benefit-start.js';

export interface StartReport {
  started: number;
  failed: Array<{ id: number; error: string }>;
}

/**
 * Starts the workflows of many committed cases (an import), a few at a time so a 1,300-case
 * load neither waits on one round trip per case nor floods the frontend. A failure is
 * reported, not thrown: the rows are committed, a repeat is harmless (USE_EXISTING), and the
 * API starts any case left unstarted when it starts up.
 */
export async function startCases(temporal: Client, env: Env, cases: readonly StartableCase[], concurrency = 16, onProgress?: (done: number) => void): Promise<StartReport> {
  const report: StartReport = { started: 0, failed: [] };
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      try {
        await startBenefitWorkflow(temporal, env, c);
        report.started++;
      } catch (e) {
        report.failed.push({ id: c.id, error: (e as Error).message });
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, lane));
  return report;
}
