import { z } from 'zod';
import { benefitDecisions, changeKinds, recheckOutcomes } from '../domain/benefit-actions.js';
import { fenAmount, recordId, text } from './fields.js';
import { incomeOutcomes } from '../domain/employment-income.js';

// The bodies of a dibao case's human steps, written once: the API validates with them and
// documents them (OpenAPI), the console sends `z.input` of them.

const fen = fenAmount(10_000_000);

export const decisionBody = z.object({
  decision: z.enum(benefitDecisions),
  comment: text(1000).default(''),
  findings: z
    .object({
      // A calendar date: the shape alone let 2026-02-30 through to the workflow.
      visitedOn: z.iso.date('日期格式 YYYY-MM-DD (date)'),
      notes: text(2000).default(''),
      members: z
        .array(z.object({ memberId: recordId(), monthlyIncomeFen: fen }))
        .min(1)
        .max(20),
    })
    .optional(),
});

export const objectionBody = z.object({
  objector: text(100).min(1, '请填写异议人 (objector required)'),
  content: text(2000).min(1, '请填写异议内容 (content required)'),
});

export const withdrawBody = z.object({ reason: text(500).min(1, '请填写撤回原因 (reason required)') });

const figures = z
  .array(z.object({ memberId: recordId(), monthlyIncomeFen: fen, left: z.boolean().optional() }))
  .max(20);

export const recheckBody = z.object({
  members: figures.min(1, '请填写每名成员的收入 (figures for every member)'),
  outcome: z.enum(recheckOutcomes),
  comment: text(1000).default(''),
});

export const changeBody = z.object({
  changeKind: z.enum(changeKinds),
  members: figures.default([]),
  outcome: z.enum(recheckOutcomes),
  comment: text(1000).min(1, '请说明变化情况 (describe the change)'),
});

export const enrollmentReasonBody = z.object({ reason: text(1000).min(1, '请填写原因 (reason required)') });

/** The decision on an income review: confirm the proposal, or change it (or the wage) with a reason. */
export const incomeDecisionBody = z.object({
  outcome: z.enum(incomeOutcomes),
  comment: text(1000).default(''),
  wageFen: fen.optional(),
});

export type DecisionBody = z.input<typeof decisionBody>;
export type ObjectionBody = z.input<typeof objectionBody>;
export type RecheckBody = z.input<typeof recheckBody>;
export type ChangeBody = z.input<typeof changeBody>;
export type MemberFigures = z.input<typeof figures>[number];
export type IncomeDecisionBody = z.input<typeof incomeDecisionBody>;
