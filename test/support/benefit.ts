import { applicationBody } from './fixtures.js';
import { waitFor, type ApiClient } from './stack.js';

// Driving a dibao case through the API the way the console does.

export async function createCase(client: ApiClient, communityId = 3, overrides: Record<string, unknown> = {}) {
  const res = await client.call('POST', '/api/applications', applicationBody(communityId, overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; householdId: number; members: { id: number; monthlyIncomeFen: number }[] };
}

export async function detail(client: ApiClient, id: number) {
  const res = await client.call('GET', `/api/applications/${id}`);
  if (res.status !== 200) throw new Error(`GET application ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function waitStage(client: ApiClient, id: number, stage: string, timeoutMs = 60_000) {
  return waitFor(
    `application ${id} at ${stage}`,
    async () => {
      const d = await detail(client, id);
      return d.stage === stage ? d : undefined;
    },
    timeoutMs,
  );
}

export const decide = (client: ApiClient, id: number, body: Record<string, unknown>) =>
  client.call('POST', `/api/applications/${id}/decisions`, body);

/** Home-visit findings confirming each member's income, or replacing it by `incomes[memberIndex]`. */
export function findings(
  d: { members: { id: number; monthlyIncomeFen: number }[] },
  incomes: Record<number, number> = {},
) {
  return {
    visitedOn: '2026-11-20',
    notes: '入户核实，家中无车辆、无其他房产',
    members: d.members.map((m, i) => ({ memberId: m.id, monthlyIncomeFen: incomes[i] ?? m.monthlyIncomeFen })),
  };
}
