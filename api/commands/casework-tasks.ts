import type { Knex } from 'knex';
import type { z } from 'zod';
import type { caseworkTaskDoneBody, CaseworkTask } from '../../contract/casework-tasks.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { caseworkTaskDetail } from '../read-models/casework-tasks.js';
import type { RequestActor } from './request-actor.js';

// Completing a task records what came of it, once: the update only matches an open task, so two
// people finishing it at the same moment get one success and one 409.

export async function completeCaseworkTask(
  db: Knex,
  { user, requestId }: RequestActor,
  id: number,
  body: z.output<typeof caseworkTaskDoneBody>,
): Promise<CaseworkTask> {
  return db.transaction(async (trx) => {
    const [row] = await trx('casework_tasks')
      .where({ id, status: 'open' })
      .update({ status: 'done', outcome: body.outcome, done_by: user.id, done_at: new Date() })
      .returning(['id', 'community_id', 'kind', 'due_at']);
    if (!row) {
      const exists = await trx('casework_tasks').where({ id }).first('status');
      if (!exists) throw new NotFoundError('任务不存在或不在您的辖区');
      throw new ConflictError('该任务已完成，不能再次完成');
    }
    await writeAudit(
      trx,
      { user, requestId },
      {
        action: 'casework_task.done',
        entityType: 'casework_task',
        entityId: id,
        orgUnitId: row.community_id,
        before: { status: 'open' },
        after: { status: 'done', outcome: body.outcome },
      },
    );
    return caseworkTaskDetail(trx, user, id);
  });
}
