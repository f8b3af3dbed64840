import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { concernKinds, visitOutcomes } from '../domain/home-visits.js';
import { coversUnit } from '../domain/roles.js';
import { allowedVolunteerActions, type VolunteerAction } from '../domain/volunteer-rules.js';
import { requireText } from './benefit-case-rules.js';
import type {
  Actor,
  DecideHoursRequest,
  LogHoursRequest,
  RecordVisitRequest,
  VolunteerState,
  VolunteerStepRequest,
} from './volunteer-messages.js';

// The volunteer's validators as plain functions of her state: wrong role or area 403, wrong
// stage 409, bad content 400. A team leader's right to an activity's hours is checked by the
// API against the team before the Update is sent.

const steps: readonly string[] = ['approve', 'reject', 'rescreen', 'reconfirm', 'deactivate', 'reactivate'];

export function checkVolunteerAction(
  state: VolunteerState,
  actor: Actor,
  action: VolunteerAction,
  busy: boolean,
): void {
  if (actor.role !== 'team_leader' && !coversUnit(actor.role, actor.orgPath, state.communityPath))
    throw new ForbiddenError('该志愿者不在您的辖区 (volunteer outside your area)');
  const everywhere = (['approval', 'screening', 'active', 'reconfirm_due', 'inactive'] as const).some((stage) =>
    allowedVolunteerActions({ stage, suitability: 'error' }, actor.role).includes(action),
  );
  if (!everywhere) throw new ForbiddenError(`您的角色不能执行「${action}」 (your role may not ${action})`);
  if (busy)
    throw Object.assign(new ConflictError('另一操作正在处理中，请稍后刷新 (another step is being recorded)'), {
      retrySoon: true,
    });
  if (!allowedVolunteerActions(state, actor.role).includes(action))
    throw new ConflictError(`志愿者当前处于「${state.stage}」，不能执行「${action}」(not at this stage)`);
}

export function checkStep(state: VolunteerState, r: VolunteerStepRequest, busy: boolean): void {
  if (!steps.includes(r.step))
    throw new ValidationError('未知操作 (unknown step)', { step: '未知操作 (unknown step)' });
  checkVolunteerAction(state, r.actor, r.step, busy);
  if (r.step === 'reject' || r.step === 'deactivate' || r.step === 'reactivate')
    requireText(r.comment, 'reason', '原因');
}

export function checkHours(state: VolunteerState, r: LogHoursRequest, busy: boolean): void {
  checkVolunteerAction(state, r.actor, 'log_hours', busy);
  if (!Number.isSafeInteger(r.activityId) || r.activityId <= 0)
    throw new ValidationError('请选择活动 (choose an activity)', { activityId: '请选择活动 (choose an activity)' });
  if (!Number.isSafeInteger(r.minutes) || r.minutes <= 0)
    throw new ValidationError('工时须为正数 (minutes must be positive)', {
      minutes: '工时须为正的整数分钟 (whole minutes > 0)',
    });
}

export function checkDecision(state: VolunteerState, r: DecideHoursRequest, busy: boolean): void {
  checkVolunteerAction(state, r.actor, 'confirm_hours', busy);
  if (!r.confirm) requireText(r.reason, 'reason', '不予确认的原因');
}

/** Whoever may confirm her hours records her visit: the team leader of the visit's team (checked by the API), a caseworker of her area. */
export function checkVisitRecord(state: VolunteerState, r: RecordVisitRequest, busy: boolean): void {
  checkVolunteerAction(state, r.actor, 'confirm_hours', busy);
  if (!Number.isSafeInteger(r.homeVisitId) || r.homeVisitId <= 0)
    throw new ValidationError('请选择探访', { homeVisitId: '请选择探访' });
  if (!(visitOutcomes as readonly string[]).includes(r.outcome))
    throw new ValidationError('请选择探访结果', { outcome: '请选择探访结果' });
  if (!Number.isSafeInteger(r.minutes) || r.minutes <= 0)
    throw new ValidationError('时长须为正的整数分钟', { minutes: '时长须为正的整数分钟' });
  if (r.outcome !== 'concern') {
    if (r.concernKind !== null)
      throw new ValidationError('只有“发现情况”才选择情况类别', { concernKind: '只有“发现情况”才选择情况类别' });
    return;
  }
  if (!r.concernKind || !(concernKinds as readonly string[]).includes(r.concernKind))
    throw new ValidationError('请选择发现的情况', { concernKind: '请选择发现的情况' });
  if (!r.note.trim()) throw new ValidationError('请填写情况说明', { note: '请填写情况说明' });
}
