import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { historyToJson } from './history-json.js';
import type { TestStack } from './stack.js';

export const HISTORY_DIR = resolve(import.meta.dirname, '../replay/histories');

/**
 * With SHEQU_RECORD_HISTORIES=1, saves a workflow's history (every run of it) for the replay
 * test. Recorded histories are committed: they are the cases "already running" that a later
 * change to the workflow code must still be able to replay.
 */
export async function recordHistory(stack: TestStack, workflowId: string, name: string): Promise<void> {
  if (!process.env.SHEQU_RECORD_HISTORIES) return;
  let runId: string | undefined = (await stack.temporal.workflow.getHandle(workflowId).describe()).runId;
  const runs: string[] = [];
  // Follow continue-as-new back to the first run: each run is replayed on its own.
  while (runId) {
    const history = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(historyToJson(history));
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  runs.forEach((json, i) => writeFileSync(resolve(HISTORY_DIR, `${name}${runs.length > 1 ? `.run${i + 1}` : ''}.json`), json));
}
