import { Router } from 'express';
import { z } from 'zod';
import { carryPaymentBody, paymentSchema, reissuePaymentBody } from '../../contract/payments.js';
import { encryptPii } from '../../db/pii.js';
import { carryUpdate, reissueUpdate } from '../../workflows/disbursement-messages.js';
import { actorOf } from '../actor.js';
import type { RouteContext } from '../deps.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import {
  findPayment,
  paymentAccount,
  paymentDetail,
  paymentListSpec,
  paymentsInArea,
} from '../read-models/payments.js';
import { bankAccountRevealBody, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';

// Payment lines, scoped like everything else: a caseworker sees her community's lines.

export function paymentRoutes({ registry, db, updateCase }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/payments',
      tag: 'disbursement',
      summary:
        'Payment lines in your area (filters: period, runId, status, kind, streetId, communityId, enrollmentId, q)',
      query: listQuery,
      list: true,
      response: z.array(paymentSchema),
    },
    async ({ res, user, query }) => sendList(res, paymentListSpec, paymentsInArea(db, user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/payments/:id',
      tag: 'disbursement',
      summary: 'One payment line and how its amount was derived',
      response: paymentSchema,
    },
    async ({ user, params }) => paymentDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/reissue',
      tag: 'disbursement',
      summary: 'Re-issue a failed line to a corrected account, inside the same run (finance)',

      body: reissuePaymentBody,
      response: paymentSchema,
    },
    async ({ user, params, body }) => {
      const p = await findPayment(db, user, idParam(params.id));
      // Sealed before it leaves the API: the Update's arguments stay in the workflow's history.
      await updateCase(p.workflow_id, reissueUpdate, {
        actor: actorOf(user),
        paymentId: Number(p.id),
        accountSealed: encryptPii(body.account),
        accountName: body.accountName,
      });
      return paymentDetail(db, user, Number(p.id));
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/reveal',
      tag: 'disbursement',
      summary: 'Show the line’s unmasked bank account (finance); audited as pii.reveal',
      body: bankAccountRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const p = await paymentAccount(db, user, idParam(params.id));
      return sendRevealed(
        { db, req, res, user },
        { entityType: 'payment', entityId: p.id, orgUnitId: p.communityId, field: body.field },
        p.accountSealed,
      );
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/payments/:id/carry',
      tag: 'disbursement',
      summary: "Carry a failed line to next month's run as arrears (finance)",
      body: carryPaymentBody,
      response: paymentSchema,
    },
    async ({ user, params }) => {
      const p = await findPayment(db, user, idParam(params.id));
      await updateCase(p.workflow_id, carryUpdate, { actor: actorOf(user), paymentId: Number(p.id) });
      return paymentDetail(db, user, Number(p.id));
    },
  );
  return router;
}
