import { z } from 'zod';
import { educationLevels, followUpOutcomes } from '../domain/referral-stages.js';
import { refusalReasonKinds } from '../domain/refusal-review.js';
import { fenAmount, recordId, skillList, text } from './fields.js';

// The bodies of a referral's human steps, written once for the API and the console.

const fen = fenAmount(100_000_000);

export const assessBody = z.object({
  education: z.enum(educationLevels),
  skills: skillList,
  experience: text(2000).default(''),
  maxHoursPerWeek: z.number().int().min(1).max(84).nullable().default(null),
  noPhysicalWork: z.boolean().default(false),
  expectedWageFen: fen.nullable().default(null),
  constraintsNote: text(500).default(''),
  notes: text(2000).default(''),
  helperId: recordId('请指定一助一帮扶人 (assign a helper)'),
});
export const rematchBody = z.object({ reason: text(500).default('') });
export const proposeBody = z.object({ openingId: recordId(), comment: text(1000).default('') });
export const respondBody = z.object({
  accepted: z.boolean(),
  reason: text(500).default(''),
  /**
   * Why she declines, by kind: health, a care duty or an offer that does not fit her are valid
   * reasons; `other` (or none) counts toward a §45 review of a dibao member's refusals.
   */
  reasonKind: z.enum(refusalReasonKinds, { message: '请选择拒绝原因类别' }).optional(),
  interviewAt: z.iso.datetime({ offset: true, message: '面试时间格式无效 (ISO date-time)' }).optional(),
  place: text(200).optional(),
});
export const outcomeBody = z.object({
  hired: z.boolean(),
  reason: text(500).default(''),
  wageFen: fen.optional(),
  startDate: z.iso.date('日期格式 YYYY-MM-DD (date)').optional(),
});
export const followUpBody = z.object({
  month: z.union([z.literal(1), z.literal(3), z.literal(6)]),
  outcome: z.enum(followUpOutcomes),
  reason: text(500).default(''),
  /** The monthly wage at this follow-up, when it changed: it reaches a dibao household's case. */
  wageFen: fen.optional(),
});
export const referralWithdrawBody = z.object({ reason: text(500).min(1, '请填写撤回原因 (reason required)') });

export type AssessBody = z.input<typeof assessBody>;
export type ProposeBody = z.input<typeof proposeBody>;
export type RespondBody = z.input<typeof respondBody>;
export type OutcomeBody = z.input<typeof outcomeBody>;
export type FollowUpBody = z.input<typeof followUpBody>;
