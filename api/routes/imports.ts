import { Router } from 'express';
import { z } from 'zod';
import { benefitPolicy } from '../../config/benefit-policy.js';
import { importCaseload } from '../../db/caseload-import.js';
import type { CaseloadRowError } from '../../domain/caseload-csv.js';
import { ValidationError, type FieldErrors } from '../../domain/errors.js';
import { importResultSchema } from '../../contract/imports.js';
import type { RouteContext } from '../deps.js';
import { startCases } from '../temporal/benefit-start.js';

// POST /api/imports: the console's upload page and scripts send the caseload CSV as text.
// Larger than other bodies (a district is ~400 KB), so app.ts gives this path its own limit.

export const IMPORT_BODY_LIMIT = '5mb';

const importBody = z.object({
  csv: z.string().min(1, '请选择CSV文件 (CSV text required)'),
  dryRun: z.boolean().default(false),
});

/** `{ "row 3 id_number": message }`: what react-admin shows and a person can find in the sheet. */
export function rowErrors(errors: readonly CaseloadRowError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = `row ${e.row} ${e.field}`;
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}

export function importRoutes({ registry, db, temporal, env }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/imports',
      tag: 'imports',
      summary: 'Load enrolled households from a caseload CSV, all or nothing, and start each case at enrolled',
      description:
        'One row per member; columns household_ref, community_code, address, category, bank_account, enrolled_from, amount_fen, name, id_number, relation, disabled, monthly_income_fen, next_recheck_on. ' +
        'With dryRun the file is only checked: 200 `{households, members, errors: []}`. Bad rows: 400 with `errors` keyed "row N column"; nothing is loaded.',

      body: importBody,
      status: 201,
      response: importResultSchema,
    },
    async ({ body, user, req, res }) => {
      const policy = benefitPolicy(env);
      const result = await importCaseload(db, body.csv, {
        actor: user,
        requestId: req.requestId,
        dryRun: body.dryRun,
        now: new Date(),
        recheckDays: policy.recheckDays,
        daySeconds: policy.daySeconds,
      });
      if (!result.ok) {
        const n = result.errors.length;
        throw new ValidationError(
          `导入文件有${n}处错误，未导入任何数据 (${n} problem(s) in the file; nothing was loaded)`,
          rowErrors(result.errors),
        );
      }
      if (result.dryRun) {
        res.status(200).json({ households: result.households, members: result.members, errors: [] });
        return;
      }
      const started = await startCases(temporal, env, result.cases, 16);
      if (started.failed.length) {
        // The rows are committed; the API's start-up sweep starts whatever is left.
        console.error(
          `[api] ${req.requestId} import: ${started.failed.length} workflow(s) not started, first: ${started.failed[0].error}`,
        );
      }
      return {
        households: result.households,
        members: result.members,
        enrollments: result.enrollments,
        totalAmountFen: result.totalAmountFen,
        applicationIds: result.applicationIds,
        workflowsStarted: started.started,
      };
    },
  );
  return router;
}
