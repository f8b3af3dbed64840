import { Router } from 'express';
import { benefitPolicy } from '../../config/benefit-policy.js';
import { importBody, importResultSchema } from '../../contract/imports.js';
import { loadCaseload } from '../commands/imports.js';
import type { RouteContext } from '../deps.js';
import { startCases } from '../temporal/benefit-start.js';

// POST /api/imports: the console's upload page and scripts send the caseload CSV as text.
// Larger than other bodies (a district is ~400 KB), so app.ts gives this path its own limit.

export const IMPORT_BODY_LIMIT = '5mb';

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
      const result = await loadCaseload(db, { user, requestId: req.requestId }, body, benefitPolicy(env));
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
