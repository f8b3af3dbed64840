import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { parseWorkflowId } from '../domain/stuck.js';
import { raiseAlert, resolveAlerts } from '../db/workflow-alerts.js';
import { inspectWorkflow } from '../temporal/workflow-inspection.js';

// The periodic check that the projection still tells the truth: every open case row against
// its running workflow (from visibility, confirmed by asking the workflow itself), and every
// open alert against what Temporal says now. A disagreement is reported as drift, never
// "fixed": the workflow owns the state, and a person decides what went wrong.

export interface WatchTarget {
  client: Client;
  idPrefix: string;
  /** The deployment's task queues: another deployment sharing the namespace is not ours to judge. */
  taskQueues: string[];
}

/** A stage change takes a moment to reach both sides; younger differences are not drift yet. */
const GRACE_MS = 30_000;

interface Row {
  kind: string;
  workflow_id: string;
  stage: string;
  open: boolean;
  since: Date;
}

export interface ReconcileSummary {
  checked: number;
  running: number;
  drift: number;
  resolved: number;
}

async function runningWorkflows(client: Client, taskQueues: string[]): Promise<Map<string, string | null>> {
  const running = new Map<string, string | null>();
  const queues = taskQueues.map((q) => `'${q.replace(/'/g, '')}'`).join(', ');
  const query = `ExecutionStatus = 'Running' AND TaskQueue IN (${queues}) AND (ShequKind IN ('benefit', 'referral', 'volunteer') OR WorkflowType = 'disbursementRun')`;
  for await (const w of client.workflow.list({ query })) {
    const stage = w.searchAttributes?.ShequStage as string[] | undefined;
    running.set(w.workflowId, w.type === 'disbursementRun' ? null : (stage?.[0] ?? null));
  }
  return running;
}

/** The stage the workflow holds now, by query (its own word, not visibility's). */
async function workflowStage(client: Client, workflowId: string, kind: string): Promise<string | undefined> {
  try {
    const s = await client.workflow
      .getHandle(workflowId)
      .query<{ stage?: string; phase?: string }>(kind === 'disbursement' ? 'runState' : 'state');
    return s.stage ?? s.phase;
  } catch {
    return undefined; // busy or closing: judged on the next pass
  }
}

export async function reconcile(db: Knex, t: WatchTarget, now: Date): Promise<ReconcileSummary> {
  const running = await runningWorkflows(t.client, t.taskQueues);
  const rows: Row[] = await db('case_workflows')
    .where('open', true)
    .select('kind', 'workflow_id', 'stage', 'open', 'since');
  const known = new Set(rows.map((r) => r.workflow_id));
  const unknown = [...running.keys()].filter((id) => !known.has(id));
  for (let i = 0; i < unknown.length; i += 1000) {
    const closed: Row[] = await db('case_workflows')
      .whereIn('workflow_id', unknown.slice(i, i + 1000))
      .select('kind', 'workflow_id', 'stage', 'open', 'since');
    for (const r of closed) known.add(r.workflow_id);
    rows.push(...closed);
  }
  const drifting = new Map<string, { kind: string | null; detail: string }>();
  const settled = (r: Row) => now.getTime() - r.since.getTime() > GRACE_MS;

  for (const r of rows) {
    if (!settled(r)) continue;
    const live = running.has(r.workflow_id);
    if (r.open && !live) {
      const seen = await inspectWorkflow(t.client, r.workflow_id);
      // Never started yet is the start sweep's business; a closed workflow under an open row is drift.
      if (seen && !seen.running)
        drifting.set(r.workflow_id, {
          kind: r.kind,
          detail: `数据库显示「${r.stage}」未结束，流程已${seen.status} (projection open at ${r.stage}, workflow ${seen.status})`,
        });
    } else if (!r.open && live) {
      drifting.set(r.workflow_id, {
        kind: r.kind,
        detail: `数据库显示「${r.stage}」已结束，流程仍在运行 (projection closed at ${r.stage}, workflow running)`,
      });
    } else if (r.open && live) {
      const visible = running.get(r.workflow_id);
      if (visible === r.stage) continue;
      const held = await workflowStage(t.client, r.workflow_id, r.kind);
      if (held !== undefined && held !== r.stage) {
        const again = await db('case_workflows').where('workflow_id', r.workflow_id).first('stage');
        if (again?.stage !== held)
          drifting.set(r.workflow_id, {
            kind: r.kind,
            detail: `数据库为「${again?.stage}」，流程为「${held}」 (projection at ${again?.stage}, workflow at ${held})`,
          });
      }
    }
  }
  for (const id of running.keys()) {
    if (!known.has(id))
      drifting.set(id, {
        kind: parseWorkflowId(id, t.idPrefix)?.kind ?? null,
        detail: '流程在运行，数据库无此记录 (workflow running, no projection row)',
      });
  }

  for (const [workflowId, d] of drifting) {
    await raiseAlert(
      db,
      { workflowId, reason: 'drift', kind: d.kind, detail: d.detail },
      { message: `数据与流程不一致：${workflowId}：${d.detail}` },
    );
  }
  let resolved = 0;
  const openDrift: string[] = await db('workflow_alerts')
    .where({ reason: 'drift' })
    .whereNull('resolved_at')
    .pluck('workflow_id');
  for (const id of openDrift)
    if (!drifting.has(id)) resolved += await resolveAlerts(db, id, 'consistent again', { reason: 'drift' });
  resolved += await sweepAlerts(db, t);
  return { checked: rows.length, running: running.size, drift: drifting.size, resolved };
}

/** Closes alerts Temporal no longer backs: the workflow ended, the activity is no longer pending, the task succeeds. */
export async function sweepAlerts(db: Knex, t: WatchTarget): Promise<number> {
  const open: { workflow_id: string; reason: string; activity_id: string }[] = await db('workflow_alerts')
    .whereIn('reason', ['failing_activity', 'failing_workflow_task'])
    .whereNull('resolved_at')
    .select('workflow_id', 'reason', 'activity_id');
  let resolved = 0;
  for (const a of open) {
    const seen = await inspectWorkflow(t.client, a.workflow_id);
    if (!seen || !seen.running)
      resolved += await resolveAlerts(db, a.workflow_id, `workflow ${seen?.status ?? 'not found'}`, {
        reason: a.reason as never,
      });
    else if (a.reason === 'failing_activity' && !seen.pendingActivities.some((p) => p.activityId === a.activity_id))
      resolved += await resolveAlerts(db, a.workflow_id, 'no longer pending', {
        reason: 'failing_activity',
        activityId: a.activity_id,
      });
    else if (a.reason === 'failing_workflow_task' && seen.workflowTaskAttempt <= 1)
      resolved += await resolveAlerts(db, a.workflow_id, 'workflow task succeeds', { reason: 'failing_workflow_task' });
  }
  return resolved;
}
