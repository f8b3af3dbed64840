import { idNumber } from './fixtures.js';
import { waitFor, type ApiClient, type TestStack } from './stack.js';

// Driving volunteers through the API the way the console does.

let counter = 300;

/** A registration; `birth` YYYYMMDD decides her age, a `seq` of 990–999 makes the simulated registry find a record. */
export function volunteerBody(
  o: {
    birth?: string;
    seq?: number;
    communityId?: number;
    servesVulnerable?: boolean;
    skills?: string[];
    guardian?: boolean;
  } = {},
) {
  const n = counter++;
  return {
    name: `志愿${n}`,
    idNumber: idNumber(o.birth ?? '19800101', o.seq ?? n % 900),
    phone: '13800000000',
    communityId: o.communityId ?? 3,
    skills: o.skills ?? ['陪伴', '急救'],
    availability: '周末',
    partyMember: false,
    servesVulnerable: o.servesVulnerable ?? false,
    ...(o.guardian ? { guardianName: '监护人', guardianConsent: true } : {}),
  };
}

export async function register(client: ApiClient, body: Record<string, unknown> = volunteerBody()) {
  const res = await client.call('POST', '/api/volunteers', body);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; workflowId: string };
}

export async function volunteerOf(client: ApiClient, id: number) {
  const res = await client.call('GET', `/api/volunteers/${id}`);
  if (res.status !== 200) throw new Error(`GET volunteer ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const waitVolunteer = (
  client: ApiClient,
  id: number,
  ok: (v: any) => boolean,
  what: string,
  timeoutMs = 60_000,
) =>
  waitFor(
    `volunteer ${id} ${what}`,
    async () => {
      const v = await volunteerOf(client, id);
      return ok(v) ? v : undefined;
    },
    timeoutMs,
  );

export const act = (client: ApiClient, id: number, path: string, body: Record<string, unknown> = {}) =>
  client.call('POST', `/api/volunteers/${id}/${path}`, body);

/** Registers, waits for screening to hand her to approval, approves. */
export async function activeVolunteer(client: ApiClient, body: Record<string, unknown> = volunteerBody()) {
  const v = await register(client, body);
  await waitVolunteer(client, v.id, (x) => x.stage === 'approval', 'at approval');
  const res = await act(client, v.id, 'approve', { comment: '材料齐全' });
  if (res.status !== 200) throw new Error(`approve: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function team(client: ApiClient, o: { leaderUserId?: number; communityId?: number } = {}) {
  const res = await client.call('POST', '/api/volunteer-teams', {
    name: `服务队${counter++}`,
    communityId: o.communityId ?? 3,
    kind: 'elderly',
    ...(o.leaderUserId ? { leaderUserId: o.leaderUserId } : {}),
  });
  if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number };
}

/** An activity of `teamId` starting in an hour (so sign-ups are open), two hours long. */
export async function activity(
  client: ApiClient,
  teamId: number,
  o: {
    places?: number;
    startsInMs?: number;
    hours?: number;
    requiredSkills?: string[];
    servesVulnerable?: boolean;
  } = {},
) {
  const starts = Date.now() + (o.startsInMs ?? 3600_000);
  const res = await client.call('POST', '/api/volunteer-activities', {
    teamId,
    title: `活动${counter++}`,
    startsAt: new Date(starts).toISOString(),
    endsAt: new Date(starts + (o.hours ?? 2) * 3600_000).toISOString(),
    place: '社区活动室',
    placesTotal: o.places ?? 5,
    requiredSkills: o.requiredSkills ?? [],
    servesVulnerable: o.servesVulnerable ?? false,
  });
  if (res.status !== 201) throw new Error(`activity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; startsAt: string; endsAt: string };
}

/** Time passes: the activity took place and ended a minute ago, keeping its length. */
export async function endActivity(stack: TestStack, activityId: number): Promise<void> {
  await stack.db.raw(
    `UPDATE volunteer_activities SET starts_at = now() - (ends_at - starts_at) - interval '1 minute', ends_at = now() - interval '1 minute' WHERE id = ?`,
    [activityId],
  );
}
