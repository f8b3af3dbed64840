import { Router } from 'express';
import { z } from 'zod';
import { recordId } from '../http/fields.js';
import { benefitDecisions } from '../../domain/benefit-actions.js';
import { decideUpdate, objectUpdate, withdrawUpdate } from '../../workflows/benefit-case-messages.js';
import { actorOf, refuseClosed } from '../actor.js';
import { refs, type References } from '../access/references.js';
import type { RouteContext } from '../deps.js';
import { idParam } from '../http/simple-rest.js';
import { applicationDetail, applicationDetailSchema, findApplication } from '../read-models/applications.js';

// The human steps of a case. Each is a Workflow Update: the workflow's validator decides
// whether this person may take this step now (403 / 409 / 400), and the answer is the record
// as it stands after the step.

const fen = z.number().int('以分为单位的整数 (whole fen)').min(0, '不能为负 (cannot be negative)').max(10_000_000);
const text = (max: number) => z.string().trim().max(max);

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

const objectionBody = z.object({
  objector: text(100).min(1, '请填写异议人 (objector required)'),
  content: text(2000).min(1, '请填写异议内容 (content required)'),
});

const withdrawBody = z.object({ reason: text(500).min(1, '请填写撤回原因 (reason required)') });

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
  return router;
}
