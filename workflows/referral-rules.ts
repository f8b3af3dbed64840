import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { allowedReferralActions, referralWorkers, type ReferralAction } from '../domain/referral-actions.js';
import { educationLevels, followUpOutcomes } from '../domain/referral-stages.js';
import { refusalReasonKinds } from '../domain/refusal-review.js';
import { coversUnit } from '../domain/roles.js';
import { requireText } from './benefit-case-rules.js';
import type {
  Actor,
  AssessRequest,
  FollowUpRequest,
  OutcomeRequest,
  ProposeRequest,
  ReferralState,
  RespondRequest,
} from './referral-messages.js';

// The referral's validators as plain functions of its state: the wrong role or area is 403,
// the wrong stage or a step already taken is 409, bad content is 400 with the field named.

const openFollowUps = (s: ReferralState) => s.followUps.filter((f) => f.opened && !f.outcome).length;

export function checkReferralAction(state: ReferralState, actor: Actor, action: ReferralAction, busy: boolean): void {
  if (!coversUnit(actor.role, actor.orgPath, state.communityPath))
    throw new ForbiddenError('该推荐不在您的辖区 (referral outside your area)');
  if (!referralWorkers.includes(actor.role))
    throw new ForbiddenError(`您的角色不能执行「${action}」 (your role may not ${action})`);
  if (busy)
    throw Object.assign(new ConflictError('另一操作正在处理中，请稍后刷新 (another step is being recorded)'), {
      retrySoon: true,
    });
  if (
    !allowedReferralActions({ stage: state.stage, openFollowUps: openFollowUps(state) }, actor.role).includes(action)
  ) {
    throw new ConflictError(`推荐当前处于「${state.stage}」，不能执行「${action}」(already done or not at this stage)`);
  }
}

const fail = (field: string, message: string) => new ValidationError(message, { [field]: message });

export function checkAssess(state: ReferralState, r: AssessRequest, busy: boolean): void {
  checkReferralAction(state, r.actor, 'assess', busy);
  const a = r.assessment;
  if (!a || !(educationLevels as readonly string[]).includes(a.education))
    throw fail('education', '请选择文化程度 (education required)');
  if (!Array.isArray(a.skills) || a.skills.some((s) => typeof s !== 'string' || !s.trim()))
    throw fail('skills', '技能须为非空文字 (skills must be text)');
  if (!Number.isSafeInteger(r.helperId) || r.helperId <= 0)
    throw fail('helperId', '请指定一助一帮扶人 (assign a helper)');
}

export function checkPropose(state: ReferralState, r: ProposeRequest, busy: boolean): void {
  checkReferralAction(state, r.actor, 'propose', busy);
  if (!Number.isSafeInteger(r.openingId) || r.openingId <= 0) throw fail('openingId', '请选择岗位 (choose an opening)');
  if (state.excludedOpenings.includes(r.openingId))
    throw new ConflictError('该岗位已推荐过，求职者已拒绝或未被录用 (already declined or not hired there)');
}

export function checkRespond(state: ReferralState, r: RespondRequest, busy: boolean, now: number): void {
  checkReferralAction(state, r.actor, 'respond', busy);
  if (!r.accepted) {
    if (r.reasonKind !== undefined && !(refusalReasonKinds as readonly string[]).includes(r.reasonKind))
      throw fail('reasonKind', '请选择拒绝原因类别');
    return requireText(r.reason, 'reason', '拒绝原因');
  }
  const at = Date.parse(r.interviewAt ?? '');
  if (!Number.isFinite(at)) throw fail('interviewAt', '请填写面试时间 (interview time required)');
  if (at <= now) throw fail('interviewAt', '面试时间须在将来 (interview must be in the future)');
  requireText(r.place, 'place', '面试地点');
}

export function checkOutcome(state: ReferralState, r: OutcomeRequest, busy: boolean): void {
  checkReferralAction(state, r.actor, 'outcome', busy);
  if (!r.hired) return requireText(r.reason, 'reason', '未录用原因');
  if (!Number.isSafeInteger(r.wageFen) || r.wageFen! < 0)
    throw fail('wageFen', '月薪须为不小于0的整数分 (whole fen ≥ 0)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.startDate ?? '') || Number.isNaN(Date.parse(`${r.startDate}T00:00:00Z`)))
    throw fail('startDate', '上岗日期格式 YYYY-MM-DD (date)');
}

export function checkFollowUp(state: ReferralState, r: FollowUpRequest, busy: boolean): void {
  checkReferralAction(state, r.actor, 'follow_up', busy);
  if (!(followUpOutcomes as readonly string[]).includes(r.outcome))
    throw fail('outcome', '请选择在岗或离职 (retained or left)');
  const f = state.followUps.find((x) => x.month === r.month);
  if (!f || !f.opened) throw new ConflictError(`第${r.month}个月回访尚未到期 (that follow-up is not due)`);
  if (f.outcome) throw new ConflictError(`第${r.month}个月回访已记录 (already recorded)`);
  if (r.outcome === 'left') requireText(r.reason, 'reason', '离职原因');
}
