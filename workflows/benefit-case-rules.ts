import {
  allowedBenefitActions,
  benefitActions,
  outcomeNeedsDistrict,
  type BenefitAction,
} from '../domain/benefit-actions.js';
import { benefitStages } from '../domain/benefit-stages.js';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { coversUnit } from '../domain/roles.js';
import { incomeOutcomes } from '../domain/employment-income.js';
import type {
  Actor,
  BenefitCaseState,
  DecisionRequest,
  EnrollmentChangeRequest,
  IncomeDecisionRequest,
  MemberFigures,
} from './benefit-case-messages.js';

// What the update validators check, as plain functions of the case state: the wrong role is
// 403, the wrong stage or a decision already taken is 409, bad content is 400. They run before
// Temporal accepts an update, so a refused request leaves no trace in the history.

const everPossible = (action: BenefitAction, actor: Actor) =>
  benefitStages.some(
    (stage) =>
      allowedBenefitActions({ stage, blocked: true }, actor.role).includes(action) ||
      allowedBenefitActions({ stage, blocked: false }, actor.role).includes(action),
  );

export function checkAction(state: BenefitCaseState, actor: Actor, action: BenefitAction, busy: boolean): void {
  if (!benefitActions.includes(action))
    throw new ValidationError(`未知操作 ${action} (unknown action)`, { decision: '未知操作 (unknown action)' });
  if (!coversUnit(actor.role, actor.orgPath, state.communityPath))
    throw new ForbiddenError('该案件不在您的辖区 (case outside your area)');
  if (!everPossible(action, actor))
    throw new ForbiddenError(`您的角色不能执行「${action}」 (your role may not ${action})`);
  if (busy)
    throw Object.assign(new ConflictError('另一操作正在处理中，请稍后刷新 (another decision is being recorded)'), {
      retrySoon: true,
    });
  if (!allowedBenefitActions(state, actor.role).includes(action)) {
    throw new ConflictError(
      `案件当前处于「${state.stage}」，不能执行「${action}」(already decided or not at this stage)`,
    );
  }
}

export function requireText(value: string | undefined, field: string, label: string): void {
  if (!value?.trim())
    throw new ValidationError(`请填写${label} (${field} required)`, { [field]: `请填写${label} (${field} required)` });
}

export function checkFigures(state: BenefitCaseState, members: MemberFigures[], opts: { all: boolean }): void {
  const errors: Record<string, string> = {};
  members.forEach((m, i) => {
    if (!state.memberIds.includes(m.memberId))
      errors[`members.${i}.memberId`] = '不是本户现有成员 (not a current member of this household)';
    if (!Number.isSafeInteger(m.monthlyIncomeFen) || m.monthlyIncomeFen < 0)
      errors[`members.${i}.monthlyIncomeFen`] = '收入须为不小于0的整数分 (whole fen ≥ 0)';
  });
  if (opts.all) {
    const given = new Set(members.map((m) => m.memberId));
    if (state.memberIds.some((id) => !given.has(id)))
      errors.members = '请填写每名成员的核实收入 (a verified income for every member)';
  }
  if (Object.keys(errors).length) throw new ValidationError('成员收入有误 (member figures invalid)', errors);
}

export function checkDecision(state: BenefitCaseState, req: DecisionRequest, busy: boolean): void {
  checkAction(state, req.actor, req.decision, busy);
  if (req.decision === 'reject' || req.decision === 'return' || req.decision === 'override_duplicate')
    requireText(req.comment, 'comment', '意见');
  if (req.decision !== 'approve') return;
  if (!state.calculation) throw new ConflictError('尚未核算金额 (no calculation yet)');
  if (state.stage === 'community_review') {
    const f = req.findings;
    if (!f)
      throw new ValidationError('请先录入入户调查 (record the home visit first)', {
        findings: '入户调查必填 (home visit required)',
      });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.visitedOn ?? ''))
      throw new ValidationError('调查日期格式应为YYYY-MM-DD', { 'findings.visitedOn': '日期格式 YYYY-MM-DD (date)' });
    checkFigures(state, f.members, { all: true });
    // Eligibility on the verified figures is judged by the transition itself, with the standard
    // in force when it is recorded (activities/benefit-case.ts), not with the one saved here.
    return;
  }
  if (!state.calculation.eligible)
    throw new ValidationError(`不符合条件：${state.calculation.formula} (not eligible)`, {
      decision: '不符合条件 (not eligible)',
    });
}

export function checkEnrollmentChange(state: BenefitCaseState, req: EnrollmentChangeRequest, busy: boolean): void {
  checkAction(state, req.actor, req.kind, busy);
  if (outcomeNeedsDistrict(req.outcome) && req.actor.role !== 'district_approver') {
    throw new ForbiddenError('停发、终止须由区民政局审批人员决定 (suspend and terminate need the district role)');
  }
  if (!['keep', 'adjust', 'suspend', 'terminate'].includes(req.outcome))
    throw new ValidationError('结果无效 (invalid outcome)', { outcome: '结果无效 (invalid outcome)' });
  checkFigures(state, req.members, { all: req.kind === 'recheck' });
  if (req.outcome !== 'terminate' && req.members.filter((m) => m.left).length >= state.memberIds.length) {
    throw new ValidationError('户内已无成员，只能终止 (no members left: terminate)', {
      outcome: '只能终止 (terminate only)',
    });
  }
}

export function checkIncomeDecision(state: BenefitCaseState, req: IncomeDecisionRequest, busy: boolean): void {
  checkAction(state, req.actor, 'income_decision', busy);
  const review = state.incomeReview;
  if (!review) throw new ConflictError('没有待核定的就业收入');
  if (!(incomeOutcomes as readonly string[]).includes(req.outcome))
    throw new ValidationError('核定结果无效', { outcome: '请选择调整、渐退或终止' });
  if (req.outcome === 'terminate' && req.actor.role !== 'district_approver')
    throw new ForbiddenError('终止须由区民政局审批人员决定');
  if (req.wageFen !== undefined && (!Number.isSafeInteger(req.wageFen) || req.wageFen < 0))
    throw new ValidationError('工资须为不小于0的整数分', { wageFen: '工资须为不小于0的整数分' });
  // Confirming the proposal needs no words; changing it (another outcome, a corrected wage) does.
  if (req.outcome !== review.proposal.outcome || req.wageFen !== undefined)
    requireText(req.comment, 'comment', '改变建议的理由');
}
