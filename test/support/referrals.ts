import { idNumber } from './fixtures.js';
import { waitFor, type ApiClient, type TestStack } from './stack.js';

// Driving a referral through the API the way the console does.

let counter = 200;

export async function createOpening(
  client: ApiClient,
  o: { title?: string; requiredSkills?: string[]; places?: number; streetId?: number; wageMaxFen?: number } = {},
) {
  const n = counter++;
  const employer = await client.call('POST', '/api/employers', {
    name: `测试用人单位${n}`,
    streetId: o.streetId ?? 2,
    address: '海陵南路1号',
  });
  if (employer.status !== 201) throw new Error(`employer: ${employer.status} ${JSON.stringify(employer.body)}`);
  const opening = await client.call('POST', '/api/job-openings', {
    employerId: employer.body.id,
    title: o.title ?? `岗位${n}`,
    requiredSkills: o.requiredSkills ?? [`技能${n}`],
    wageMinFen: 300_000,
    wageMaxFen: o.wageMaxFen ?? 450_000,
    streetId: o.streetId ?? 2,
    placesTotal: o.places ?? 3,
  });
  if (opening.status !== 201) throw new Error(`opening: ${opening.status} ${JSON.stringify(opening.body)}`);
  return opening.body as { id: number; title: string; requiredSkills: string[]; placesLeft: number };
}

export function seekerBody(communityId = 3, overrides: Record<string, unknown> = {}) {
  const n = counter++;
  return {
    name: `求职${n}`,
    idNumber: idNumber('19750601', n),
    communityId,
    phone: '13900000000',
    education: 'senior_high',
    skills: [],
    experience: '纺织厂挡车工',
    ...overrides,
  };
}

export async function refer(client: ApiClient, seekers: Record<string, unknown>[] = [seekerBody()], enterpriseId = 1) {
  const res = await client.call('POST', '/api/referral-batches', {
    enterpriseId,
    reference: `测试名单${counter++}`,
    receivedOn: '2026-11-20',
    seekers,
  });
  if (res.status !== 201) throw new Error(`batch: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; referralIds: number[] };
}

export async function referral(client: ApiClient, id: number) {
  const res = await client.call('GET', `/api/referrals/${id}`);
  if (res.status !== 200) throw new Error(`GET referral ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const waitReferral = (
  client: ApiClient,
  id: number,
  ok: (r: any) => boolean,
  what: string,
  timeoutMs = 60_000,
) =>
  waitFor(
    `referral ${id} ${what}`,
    async () => {
      const r = await referral(client, id);
      return ok(r) ? r : undefined;
    },
    timeoutMs,
  );

export const step = (client: ApiClient, id: number, path: string, body: Record<string, unknown> = {}) =>
  client.call('POST', `/api/referrals/${id}/${path}`, body);

export async function helperOf(stack: TestStack, communityId = 3): Promise<number> {
  return (await stack.db('helpers').where({ community_id: communityId }).orderBy('id').first('id')).id;
}

/** Refers one seeker with `skills`, assesses her and waits for the ranking that includes `openingId`. */
export async function toMatching(stack: TestStack, client: ApiClient, skills: string[], openingIds: number[] = []) {
  const batch = await refer(client, [seekerBody(3)]);
  const id = batch.referralIds[0];
  await waitReferral(client, id, (r) => r.stage === 'intake', 'at intake');
  const assessed = await step(client, id, 'assess', {
    education: 'senior_high',
    skills,
    experience: '挡车工',
    helperId: await helperOf(stack),
    notes: '身体健康，愿意倒班',
  });
  if (assessed.status !== 200) throw new Error(`assess: ${assessed.status} ${JSON.stringify(assessed.body)}`);
  return waitReferral(
    client,
    id,
    (r) =>
      r.stage === 'matching' &&
      openingIds.every((o) => r.matches.some((m: { openingId: number }) => m.openingId === o)),
    'ranked',
  );
}

/** Proposes `openingId`, records the seeker's acceptance with an interview `inMs` from now. */
export async function toInterview(client: ApiClient, id: number, openingId: number, inMs = 60_000) {
  const proposed = await step(client, id, 'propose', { openingId, comment: '技能对口' });
  if (proposed.status !== 200) throw new Error(`propose: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const accepted = await step(client, id, 'respond', {
    accepted: true,
    interviewAt: new Date(Date.now() + inMs).toISOString(),
    place: '用人单位人事部',
  });
  if (accepted.status !== 200) throw new Error(`respond: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body;
}

export const hire = (client: ApiClient, id: number, wageFen = 380_000) =>
  step(client, id, 'outcome', { hired: true, wageFen, startDate: '2026-11-20' });
