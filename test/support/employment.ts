import { expect } from 'vitest';
import { createCase, decide, detail, findings, waitStage } from './benefit.js';
import { idNumber } from './fixtures.js';
import { createOpening, helperOf, hire, refer, seekerBody, step, toInterview, waitReferral } from './referrals.js';
import { waitFor, type ApiClient, type TestStack } from './stack.js';

// A dibao household whose member is placed in a job, driven through the API as the console does.
// Household: head ¥500 a month, spouse none; enrolled at 2 × 890 − 500 = ¥1,280.

let seq = 900;

export interface Clients {
  caseworker: ApiClient;
  reviewer: ApiClient;
  approver: ApiClient;
}

/** An enrolled household whose spouse (钱二) has the returned ID number. */
export async function enrolledHousehold({ caseworker, reviewer, approver }: Clients) {
  const spouseId = idNumber('19800101', seq++);
  const c = await createCase(caseworker, 3, {
    members: [
      {
        name: '赵大',
        idNumber: idNumber('19650312', seq++),
        relation: 'head',
        disabled: false,
        monthlyIncomeFen: 50_000,
      },
      { name: '钱二', idNumber: spouseId, relation: 'spouse', disabled: false, monthlyIncomeFen: 0 },
    ],
  });
  const d = await waitStage(caseworker, c.id, 'community_review');
  expect((await decide(caseworker, c.id, { decision: 'approve', comment: '', findings: findings(d) })).status).toBe(
    200,
  );
  await waitStage(reviewer, c.id, 'street_review', 30_000);
  expect((await decide(reviewer, c.id, { decision: 'approve', comment: '' })).status).toBe(200);
  const done = await decide(approver, c.id, { decision: 'approve', comment: '' });
  expect(done.body).toMatchObject({ stage: 'enrolled', proposedAmountFen: 128_000 });
  return {
    applicationId: c.id,
    householdId: c.householdId,
    enrollmentId: done.body.enrollmentId as number,
    spouseId,
  };
}

/** Refers the spouse as a laid-off worker and places her at `wageFen`. */
export async function place(stack: TestStack, caseworker: ApiClient, spouseId: string, wageFen: number) {
  const opening = await createOpening(caseworker, { requiredSkills: ['收银'], places: 2 });
  const batch = await refer(caseworker, [seekerBody(3, { name: '钱二', idNumber: spouseId })]);
  const id = batch.referralIds[0];
  await waitReferral(caseworker, id, (r) => r.stage === 'intake', 'at intake');
  const assessed = await step(caseworker, id, 'assess', {
    education: 'senior_high',
    skills: ['收银'],
    experience: '超市收银',
    helperId: await helperOf(stack),
  });
  expect(assessed.status).toBe(200);
  await waitReferral(caseworker, id, (r) => r.stage === 'matching' && r.matches.length > 0, 'ranked');
  await toInterview(caseworker, id, opening.id);
  const hired = await hire(caseworker, id, wageFen);
  expect(hired.status).toBe(200);
  const placement = await stack.db('placements').where({ referral_id: id }).first('id');
  return { referralId: id, placementId: placement.id as number };
}

/** Waits for the case to open its income review. */
export const incomeReview = (client: ApiClient, applicationId: number) =>
  waitFor(`income review of ${applicationId}`, async () => {
    const d = await detail(client, applicationId);
    return d.stage === 'income_review' && d.incomeReview ? d : undefined;
  });
