import type { Knex } from 'knex';
import type { z } from 'zod';
import type { createIncomeRuleBody, EmploymentIncomeRule } from '../../contract/employment-income-rules.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError } from '../../domain/errors.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { incomeRuleToApi } from '../read-models/employment-income-rules.js';
import type { RequestActor } from './request-actor.js';

// A change of the rules is a new row from its date, never an edit of rules that reviews already
// decided were computed on.

export async function createIncomeRule(
  db: Knex,
  { user, requestId }: RequestActor,
  body: z.output<typeof createIncomeRuleBody>,
): Promise<EmploymentIncomeRule> {
  // Reviews already opened were proposed on the rules in force then: only later dates.
  if (body.effectiveFrom <= shanghaiDate(new Date())) throw new ConflictError('只能新增今后生效的就业收入核算规则');
  return db.transaction(async (trx) => {
    const [row] = await trx('employment_income_rules')
      .insert({
        effective_from: body.effectiveFrom,
        deduction_kind: body.deductionKind,
        deduction_value: body.deductionValue,
        exit_ceiling_percent: body.exitCeilingPercent,
        gradual_months: body.gradualMonths,
        step_down: body.stepDown,
        created_by: user.id,
      })
      .onConflict('effective_from')
      .ignore()
      .returning('*');
    if (!row) throw new ConflictError(`${body.effectiveFrom} 已有就业收入核算规则`);
    await writeAudit(
      trx,
      { user, requestId },
      {
        action: 'employment_income_rule.create',
        entityType: 'employment_income_rule',
        entityId: row.id,
        after: body,
      },
    );
    return incomeRuleToApi(row);
  });
}
