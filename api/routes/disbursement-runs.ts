import { Router } from 'express';
import { z } from 'zod';
import {
  runDetailSchema,
  runReasonBody,
  runRecheckBody,
  runRejectBody,
  runSchema,
  startRunBody,
} from '../../contract/disbursement-runs.js';
import { closeRunUpdate, recheckRunUpdate, signoffUpdate } from '../../workflows/disbursement-messages.js';
import { actorOf } from '../actor.js';
import { openBankFile, recordRunStart } from '../commands/disbursement-runs.js';
import type { RouteContext } from '../deps.js';
import { startDisbursementRun } from '../temporal/disbursements.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { findRun, runDetail, runListSpec, runsQuery, startedRunDetail } from '../read-models/disbursement-runs.js';

// Monthly runs. District roles only: a run spans every street.

export function disbursementRunRoutes({ registry, db, temporal, env, updateCase }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs',
      tag: 'disbursement',
      summary: 'Monthly disbursement runs with their phase and build progress',
      query: listQuery,
      list: true,
      response: z.array(runSchema),
    },
    async ({ res, query }) => sendList(res, runListSpec, runsQuery(db), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs/:id',
      tag: 'disbursement',
      summary: 'One run: totals per street and community, check report, bank files, what you may do',
      response: runDetailSchema,
    },
    async ({ params, user }) => runDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/disbursement-runs',
      tag: 'disbursement',
      summary: "Start a period's run by hand; a period that has a run already returns that run (201 new, 200 existing)",
      body: startRunBody,
      response: runDetailSchema,
      status: 201,
    },
    async ({ body, user, res, req }) => {
      const outcome = await startDisbursementRun(temporal, env, body.period, user.id);
      await recordRunStart(db, { user, requestId: req.requestId }, body.period, outcome);
      if (outcome === 'existing') res.locals.status = 200;
      return startedRunDetail(db, user, body.period);
    },
  );

  const act = (
    path: string,
    summary: string,
    body: z.ZodType,
    send: (workflowId: string, args: Record<string, unknown>) => Promise<unknown>,
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/disbursement-runs/:id/${path}`,
        tag: 'disbursement',
        summary,
        body,
        response: runDetailSchema,
      },
      async ({ params, user, body: b }) => {
        const r = await findRun(db, idParam(params.id));
        await send(r.workflow_id, { actor: actorOf(user), ...(b as object) });
        return runDetail(db, user, r.id);
      },
    );
  act('approve', 'Finance signs the run off: the bank file is written and submitted', runReasonBody, (wf, a) =>
    updateCase(wf, signoffUpdate, { ...(a as object), approve: true } as never),
  );
  act('reject', 'Finance rejects the run with a reason; it stops and pays nothing', runRejectBody, (wf, a) =>
    updateCase(wf, signoffUpdate, { ...(a as object), approve: false } as never),
  );
  act(
    'close',
    'Carry every failed line still open to next month as arrears, and complete the run',
    runReasonBody,
    (wf, a) => updateCase(wf, closeRunUpdate, a as never),
  );
  act('recheck', 'Run the invariant check again after a supervisor fixed its cause', runRecheckBody, (wf, a) =>
    updateCase(wf, recheckRunUpdate, a as never),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/disbursement-runs/:id/bank-file',
      tag: 'disbursement',
      summary: 'The bank file (CSV: line id, account, name, amount in yuan); ?seq=N for a re-issue file',
    },
    async ({ params, req, res, user }) => {
      const r = await findRun(db, idParam(params.id));
      const seq = Number((req.query as Record<string, string>).seq ?? 1);
      const file = await openBankFile(db, { user, requestId: req.requestId }, r.id, seq);
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="shequ-${r.period}-${seq}.csv"`);
      res.set('X-Checksum-Sha256', file.sha256);
      res.send(file.csv);
      return undefined;
    },
  );
  return router;
}
