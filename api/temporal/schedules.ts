import { ScheduleNotFoundError, type Client, type ScheduleOptions } from '@temporalio/client';

/**
 * Creates a Schedule, or brings an existing one to the given spec, action and policies (keeping
 * its paused state and note). Safe to repeat at every start, from several processes at once.
 */
export async function ensureSchedule(
  temporal: Client,
  o: Pick<ScheduleOptions, 'scheduleId' | 'spec' | 'action' | 'policies'> & { note: string },
): Promise<'created' | 'updated'> {
  const handle = temporal.schedule.getHandle(o.scheduleId);
  try {
    await handle.update((prev) => ({
      ...prev,
      spec: o.spec,
      action: o.action,
      policies: { ...prev.policies, ...o.policies },
    }));
    return 'updated';
  } catch (e) {
    if (!(e instanceof ScheduleNotFoundError)) throw e;
  }
  try {
    await temporal.schedule.create({
      scheduleId: o.scheduleId,
      spec: o.spec,
      action: o.action,
      policies: o.policies,
      state: { note: o.note },
    });
  } catch (e) {
    if ((e as Error).name !== 'ScheduleAlreadyRunning') throw e;
  }
  return 'created';
}
