import { Client } from '@temporalio/client';
import knex from 'knex';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { strictObjects } from '../../api/http/validate.js';
import { jsonSchema, openApiDocument } from '../../api/openapi/registry.js';
import { loadEnv } from '../../config/env.js';
import { createStandardBody } from '../../contract/allowance-standards.js';
import { createApplicationBody } from '../../contract/applications.js';
import { caseworkTaskDoneBody } from '../../contract/casework-tasks.js';
import { createIncomeRuleBody } from '../../contract/employment-income-rules.js';
import * as benefit from '../../contract/benefit-actions.js';
import * as runs from '../../contract/disbursement-runs.js';
import { scheduleNoteBody } from '../../contract/disbursement-schedule.js';
import { visitRecordBody } from '../../contract/home-visits.js';
import { importBody } from '../../contract/imports.js';
import * as payments from '../../contract/payments.js';
import * as referral from '../../contract/referral-actions.js';
import { supervisionBodies } from '../../contract/supervision-actions.js';
import * as volunteer from '../../contract/volunteer-actions.js';

// An action body is written once, in contract/ (issue 22): the API validates with that schema,
// the OpenAPI document shows exactly it, and the console's types are `z.input` of it (checked
// by the console's typecheck in `npm run lint`). Here: each action route's documented body is
// the contract's schema, so a field added there appears in the document without another edit.
// The routes are only registered: no database or Temporal server is reached.

const db = knex({ client: 'pg' });
const { registry } = createApp({
  db,
  temporal: new Client({ namespace: 'default' }),
  env: loadEnv({}),
  version: 'test',
});
const doc = openApiDocument(registry, { version: 'test' }) as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
};
afterAll(() => db.destroy());

const actions: [string, z.ZodType][] = [
  ['/api/applications/{id}/decisions', benefit.decisionBody],
  ['/api/applications/{id}/objections', benefit.objectionBody],
  ['/api/applications/{id}/withdraw', benefit.withdrawBody],
  ['/api/enrollments/{id}/rechecks', benefit.recheckBody],
  ['/api/enrollments/{id}/changes', benefit.changeBody],
  ['/api/referrals/{id}/assess', referral.assessBody],
  ['/api/referrals/{id}/propose', referral.proposeBody],
  ['/api/referrals/{id}/respond', referral.respondBody],
  ['/api/referrals/{id}/outcome', referral.outcomeBody],
  ['/api/referrals/{id}/follow-ups', referral.followUpBody],
  ['/api/referrals/{id}/withdraw', referral.referralWithdrawBody],
  ['/api/volunteers/{id}/sign-ups', volunteer.signUpBody],
  ['/api/volunteers/{id}/hours', volunteer.logHoursBody],
  ['/api/volunteers/{id}/approve', volunteer.volunteerCommentBody],
  ['/api/volunteers/{id}/reject', volunteer.volunteerReasonBody],
  ['/api/home-visits/{id}/records', visitRecordBody],
  ['/api/workflows/{id}/reassign', supervisionBodies.reassign],
  ['/api/workflows/{id}/extend', supervisionBodies.extend],
  // Create bodies, and the actions on runs, the Schedule, payment lines and imports.
  ['/api/applications', createApplicationBody],
  ['/api/allowance-standards', createStandardBody],
  ['/api/employment-income-rules', createIncomeRuleBody],
  ['/api/casework-tasks/{id}/done', caseworkTaskDoneBody],
  ['/api/disbursement-runs', runs.startRunBody],
  ['/api/disbursement-runs/{id}/approve', runs.runReasonBody],
  ['/api/disbursement-runs/{id}/reject', runs.runRejectBody],
  ['/api/disbursement-runs/{id}/close', runs.runReasonBody],
  ['/api/disbursement-runs/{id}/recheck', runs.runRecheckBody],
  ['/api/disbursement-schedule/pause', scheduleNoteBody],
  ['/api/disbursement-schedule/resume', scheduleNoteBody],
  ['/api/payments/{id}/reissue', payments.reissuePaymentBody],
  ['/api/payments/{id}/carry', payments.carryPaymentBody],
  ['/api/imports', importBody],
];

describe('one contract from API to console', () => {
  it.each(actions)('POST %s documents the contract’s body schema', (path, schema) => {
    const op = doc.paths[path]?.post;
    expect(op, `${path} is not in the document`).toBeDefined();
    expect(op.requestBody!.content['application/json'].schema).toEqual(jsonSchema(strictObjects(schema), 'input'));
  });
});
