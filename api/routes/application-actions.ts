import { Router } from 'express';
import { z } from 'zod';
import {
  decideUpdate,
  incomeDecisionUpdate,
  objectUpdate,
  withdrawUpdate,
} from '../../workflows/benefit-case-messages.js';
import { actorOf, refuseClosed } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { idParam } from '../http/simple-rest.js';
import { applicationDetail, findApplication } from '../read-models/applications.js';
import { applicationDetailSchema } from '../../contract/applications.js';
import { decisionBody, incomeDecisionBody, objectionBody, withdrawBody } from '../../contract/benefit-actions.js';

// The human steps of a case. Each is a Workflow Update: the workflow's validator decides
// whether this person may take this step now (403 / 409 / 400), and the answer is the record
// as it stands after the step.

export function applicationActionRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();
  const act = (
    path: string,
    summary: string,
    body: z.ZodType,
    run: (workflowId: string, args: never) => Promise<unknown>,
    refs?: References,
  ) =>
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/applications/:id/${path}`,
        tag: 'applications',
        summary,
        body,
        refs,
        response: applicationDetailSchema,
      },
      async ({ user, params, body: b }) => {
        const row = await findApplication(db, user, idParam(params.id));
        refuseClosed(row.stage);
        await run(row.workflow_id, { actor: actorOf(user), ...(b as object) } as never);
        return applicationDetail(db, user, row.id);
      },
    );

  act(
    'decisions',
    'Decide at the current stage: approve (community: recommend, with the home-visit findings), reject, return for more information, resubmit a returned case, re-run verification, or (supervisor) override a duplicate-ID block',
    decisionBody,
    (wf, args) => updateCase(wf, decideUpdate, args),
    { 'findings.members.*.memberId': refs.applicationMember },
  );
  act(
    'objections',
    'Record an objection raised during the public notice; the case goes back to verification',
    objectionBody,
    (wf, args) => updateCase(wf, objectUpdate, args),
  );
  act('withdraw', 'Withdraw an application, with a reason', withdrawBody, (wf, args) =>
    updateCase(wf, withdrawUpdate, args),
  );
  act(
    'income-decision',
    'Decide on a wage a placement reported: confirm the proposal (adjust the amount, 渐退, or — the district — terminate), or choose another outcome or correct the wage with a reason',
    incomeDecisionBody,
    (wf, args) => updateCase(wf, incomeDecisionUpdate, args),
  );
  return router;
}
