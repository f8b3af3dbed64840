import { Router } from 'express';
import { z } from 'zod';
import { createIncomeRuleBody, employmentIncomeRuleSchema } from '../../contract/employment-income-rules.js';
import { createIncomeRule } from '../commands/employment-income-rules.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList } from '../http/simple-rest.js';
import { incomeRuleListSpec, incomeRulesQuery } from '../read-models/employment-income-rules.js';

// Effective-dated like the allowance standards: an income review proposes on the rules in force
// on the day its outcome takes effect, so a new row changes reviews from its date on.

export function employmentIncomeRuleRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/employment-income-rules',
      tag: 'employment-income',
      summary: 'Employment-income rules (deduction, 渐退 ceiling and months) by the date they apply from',
      query: listQuery,
      list: true,
      response: z.array(employmentIncomeRuleSchema),
    },
    async ({ res, query }) => sendList(res, incomeRuleListSpec, incomeRulesQuery(db), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/employment-income-rules',
      tag: 'employment-income',
      summary: 'Add employment-income rules that apply from a future date',
      body: createIncomeRuleBody,
      status: 201,
      response: employmentIncomeRuleSchema,
    },
    async ({ body, user, req }) => createIncomeRule(db, { user, requestId: req.requestId }, body),
  );
  return router;
}
