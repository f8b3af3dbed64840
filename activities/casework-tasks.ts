import type { Knex } from 'knex';
import { notify } from '../db/notifications.js';
import { shanghaiDateTime } from '../domain/shanghai-date.js';

// A caseworker task past its due time is told to supervisors once, by the periodic watch pass
// (workflows/watch.ts): a task has no workflow of its own whose timer could do it, and a list
// being read is no clock. The notice's dedupe key is what makes it once, across passes and
// retried activities; the NOT EXISTS only spares each pass the tasks already told about.

const PAGE = 500;

const KEY_PREFIX = 'casework-task-overdue:';
export const overdueTaskKey = (taskId: number | string) => `${KEY_PREFIX}${taskId}`;

export async function escalateOverdueTasks(db: Knex, now: Date): Promise<number> {
  let notified = 0;
  let after = 0;
  for (;;) {
    const rows = await db('casework_tasks as t')
      .join('org_units as c', 'c.id', 't.community_id')
      .where('t.status', 'open')
      .where('t.due_at', '<', now)
      .where('t.id', '>', after)
      .whereNotExists(
        db('notifications as n').whereRaw(`n.dedupe_key = ? || t.id::text`, [KEY_PREFIX]).select(db.raw('1')),
      )
      .orderBy('t.id')
      .limit(PAGE)
      .select('t.id', 't.community_id', 't.title', 't.due_at', 'c.name as community_name');
    for (const r of rows) {
      await notify(db, {
        dedupeKey: overdueTaskKey(r.id),
        kind: 'casework_task_overdue',
        audienceRole: 'supervisor',
        orgUnitId: r.community_id,
        entityType: 'casework_task',
        entityId: r.id,
        message: `待办任务 #${r.id} 已逾期（应于 ${shanghaiDateTime(r.due_at)} 前完成）：${r.community_name}，${r.title}`,
      });
      notified++;
    }
    if (rows.length < PAGE) return notified;
    after = Number(rows[rows.length - 1].id);
  }
}
