import type { Client } from '@temporalio/client';

// Where a workflow's time went, from its own history: per activity type, how many ran, the
// time they ran in total and at most, how long they queued, and how many attempts failed.

const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  t ? Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : 0;

export async function activityProfile(temporal: Client, workflowId: string): Promise<string> {
  const events = (await temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const byId = new Map(events.map((e) => [Number(e.eventId), e]));
  const rows = new Map<string, { n: number; runMs: number; maxMs: number; queuedMs: number; failed: number }>();
  const row = (name: string) =>
    rows.get(name) ?? rows.set(name, { n: 0, runMs: 0, maxMs: 0, queuedMs: 0, failed: 0 }).get(name)!;
  for (const e of events) {
    const done =
      e.activityTaskCompletedEventAttributes ??
      e.activityTaskFailedEventAttributes ??
      e.activityTaskTimedOutEventAttributes;
    if (!done) continue;
    const scheduled = byId.get(Number(done.scheduledEventId))!;
    const started = byId.get(Number(done.startedEventId));
    const r = row(scheduled.activityTaskScheduledEventAttributes!.activityType!.name!);
    const run = ms(e.eventTime) - ms(started?.eventTime ?? e.eventTime);
    r.n++;
    r.runMs += run;
    r.maxMs = Math.max(r.maxMs, run);
    r.queuedMs += ms(started?.eventTime ?? e.eventTime) - ms(scheduled.eventTime);
    if (!e.activityTaskCompletedEventAttributes) r.failed++;
    // A retried attempt shows only on the last one: count the earlier ones too.
    const attempt = started?.activityTaskStartedEventAttributes?.attempt ?? 1;
    if (attempt > 1) r.failed += attempt - 1;
  }
  return [...rows]
    .map(
      ([name, r]) =>
        `${name} ×${r.n}: ${(r.runMs / 1000).toFixed(2)} s (max ${(r.maxMs / 1000).toFixed(2)}, queued ${(r.queuedMs / 1000).toFixed(2)})${r.failed ? `, ${r.failed} failed attempts` : ''}`,
    )
    .join('; ');
}
