import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { temporal } from '@temporalio/proto';
import { historyToJson } from './history-json.js';

import type { TestStack } from './stack.js';

const EventType = temporal.api.enums.v1.EventType;
/** What arrives for the next workflow task to handle: a history may not end on these. */
const unhandled = new Set([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_TIMER_FIRED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
]);

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
    // A run still going may end in input its next workflow task has not handled yet (a timer
    // just fired): keep the history up to the last task's commands, which a replay can check.
    const events = history.events ?? [];
    let keep = events.length;
    while (keep > 0 && unhandled.has(events[keep - 1].eventType!)) keep--;
    // A run that has not completed a workflow task yet has nothing to replay.
    if (events.slice(0, keep).some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED))
      runs.unshift(historyToJson({ ...history, events: events.slice(0, keep) }));
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  runs.forEach((json, i) =>
    writeFileSync(resolve(HISTORY_DIR, `${name}${runs.length > 1 ? `.run${i + 1}` : ''}.json`), json),
  );
}
