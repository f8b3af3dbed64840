import { z } from 'zod';

// The bureau's effective-dated rules for counting a wage on a dibao case (就业成本扣减, the 渐退
// ceiling and length), as GET /api/employment-income-rules answers with them and POST takes a
// new one: written once for the API's document and the console.

export const deductionKinds = ['fixed', 'share'] as const;

export const employmentIncomeRuleSchema = z.object({
  id: z.number(),
  effectiveFrom: z.string(),
  deductionKind: z.enum(deductionKinds),
  /** Fen per working member for a fixed deduction, percent of the wage for a share. */
  deductionValue: z.number().describe('fixed: fen per working member; share: percent of the wage'),
  exitCeilingPercent: z.number(),
  gradualMonths: z.number(),
  stepDown: z.boolean(),
  createdAt: z.string(),
});

const whole = (message: string) => z.number().int(message);

/** POST /api/employment-income-rules: the rules from a date on. */
export const createIncomeRuleBody = z
  .object({
    effectiveFrom: z.iso.date('日期格式须为 YYYY-MM-DD'),
    deductionKind: z.enum(deductionKinds, { message: '扣减方式须为 fixed（定额）或 share（比例）' }),
    deductionValue: whole('须为整数（定额以分计，比例以百分数计）')
      .min(0, '不能为负')
      .max(1_000_000, '定额扣减不能超过10000元')
      .describe('fixed: fen per working member; share: percent of the wage (0–100)'),
    exitCeilingPercent: whole('须为整数百分比')
      .min(100, '渐退上限不能低于保障标准（100%）')
      .max(300, '渐退上限不能超过保障标准的300%')
      .describe('per-capita income up to this share of the standard enters 渐退 instead of ending'),
    gradualMonths: whole('须为整数月数').min(1, '渐退期至少1个月').max(24, '渐退期不能超过24个月'),
    stepDown: z.boolean().default(false).describe('渐退 payments step down month by month'),
  })
  .refine((v) => v.deductionKind !== 'share' || v.deductionValue <= 100, {
    path: ['deductionValue'],
    message: '按比例扣减不能超过100%',
  });

export type CreateIncomeRuleBody = z.input<typeof createIncomeRuleBody>;
export type EmploymentIncomeRule = z.output<typeof employmentIncomeRuleSchema>;
