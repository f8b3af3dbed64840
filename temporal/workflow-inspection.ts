import { WorkflowNotFoundError, type Client } from '@temporalio/client';

// What Temporal itself says about one workflow, in the terms supervisors use: is it running,
// which activities are pending (and on which attempt, with which error), and whether its own
// workflow task keeps failing. One describe() per workflow: callers ask only for rows shown.

export interface PendingActivity {
  activityId: string;
  activityType: string;
  attempt: number;
  lastError: string | null;
}

export interface Inspection {
  status: string; // running, completed, failed, terminated, canceled, timed_out, continued_as_new
  running: boolean;
  pendingActivities: PendingActivity[];
  /** Attempt of the pending workflow task; above 1 means the workflow's code keeps failing. */
  workflowTaskAttempt: number;
}

export async function inspectWorkflow(client: Client, workflowId: string): Promise<Inspection | null> {
  try {
    const d = await client.workflow.getHandle(workflowId).describe();
    const status = String(d.status.name).toLowerCase();
    return {
      status,
      running: status === 'running',
      pendingActivities: (d.raw.pendingActivities ?? []).map((a) => ({
        activityId: a.activityId ?? '',
        activityType: a.activityType?.name ?? '',
        attempt: a.attempt ?? 1,
        lastError: a.lastFailure?.message ?? null,
      })),
      workflowTaskAttempt: d.raw.pendingWorkflowTask?.attempt ?? 0,
    };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError || (e as { code?: number }).code === 5) return null;
    throw e;
  }
}
