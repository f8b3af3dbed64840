import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { supervisorRoles } from '../domain/stuck.js';
import type { Actor } from './benefit-case-messages.js';
import type { ExtendDeadlineRequest, ReassignRequest } from './supervision-messages.js';

// The validators of the supervisor's Updates, as plain functions of the case: another role is
// 403, a case that cannot take the action now is 409, a missing reason or a past date is 400.

function checkSupervisor(actor: Actor, busy: boolean, reason: string) {
  if (!supervisorRoles.includes(actor.role)) throw new ForbiddenError('只有督导可以执行此操作 (supervisors only)');
  if (!reason?.trim())
    throw new ValidationError('请填写原因 (reason required)', { reason: '请填写原因 (reason required)' });
  if (busy)
    throw Object.assign(new ConflictError('另一操作正在处理中，请稍后刷新 (another step is being recorded)'), {
      retrySoon: true,
    });
}

export function checkReassign(r: ReassignRequest, o: { closed: boolean; busy: boolean }): void {
  checkSupervisor(r.actor, o.busy, r.reason);
  if (!Number.isSafeInteger(r.assigneeId) || r.assigneeId <= 0)
    throw new ValidationError('请选择经办人 (assignee required)', { assigneeId: '请选择经办人 (assignee required)' });
  if (o.closed) throw new ConflictError('案件已结束，不能改派 (case is closed)');
}

/** `extendable`: the case waits at a stage with a deadline a supervisor may move (not a legal notice period). */
export function checkExtend(r: ExtendDeadlineRequest, o: { extendable: boolean; busy: boolean; now: number }): void {
  checkSupervisor(r.actor, o.busy, r.reason);
  const at = Date.parse(r.deadlineAt);
  if (Number.isNaN(at))
    throw new ValidationError('期限格式无效 (deadlineAt must be an ISO time)', {
      deadlineAt: '期限格式无效 (must be an ISO time)',
    });
  if (at <= o.now)
    throw new ValidationError('新期限须晚于现在 (the new deadline must be in the future)', {
      deadlineAt: '新期限须晚于现在 (must be in the future)',
    });
  if (!o.extendable) throw new ConflictError('当前阶段没有可延长的期限 (no deadline to extend at this stage)');
}
