import type { Knex } from 'knex';
import { bankAccountColumns, idNumberColumns } from '../../db/pii.js';
import { computeAllowance } from '../../domain/allowance.js';
import { idNumber } from './fixtures.js';

// Enrolled households written straight into the projection, for tests about what happens to
// enrollments (disbursement) rather than how they came about.

export interface SeededEnrollment {
  enrollmentId: number;
  householdId: number;
  members: number;
  totalIncomeFen: number;
  account: string | null;
}

let serial = 500;

export async function seedEnrollments(
  db: Knex,
  rows: {
    communityId?: number;
    members?: number;
    incomeFen?: number;
    account?: string | null;
    from?: string;
    terms?: { from: string; status: 'active' | 'suspended' | 'terminated'; incomeFen?: number }[];
  }[],
): Promise<SeededEnrollment[]> {
  const submitter = await db('users').where({ username: 'supervisor1' }).first('id');
  const out: SeededEnrollment[] = [];
  for (const r of rows) {
    const communityId = r.communityId ?? 3;
    const community = await db('org_units').where({ id: communityId }).first('parent_id');
    const members = r.members ?? 2;
    const incomeFen = r.incomeFen ?? 40000;
    const account = r.account === undefined ? `62220${String(serial).padStart(11, '0')}` : r.account;
    const [h] = await db('households')
      .insert({
        head_name: `户主${serial}`,
        address: '测试路1号',
        community_id: communityId,
        category: 'B',
        ...bankAccountColumns(account),
      })
      .returning('id');
    await db('household_members').insert(
      Array.from({ length: members }, (_, i) => ({
        household_id: h.id,
        name: `成员${serial}-${i}`,
        ...idNumberColumns(
          idNumber(`19${40 + (Math.floor(serial / 100) % 50)}0101`, (serial % 100) * 10 + i, '321203'),
        ),
        relation: i === 0 ? 'head' : 'child',
        birth_date: '1970-01-01',
        monthly_income_fen: i === 0 ? incomeFen : 0,
      })),
    );
    serial++;
    const { rows: seq } = await db.raw(`SELECT nextval('applications_id_seq')::int AS id`);
    const appId = seq[0].id;
    await db('applications').insert({
      id: appId,
      household_id: h.id,
      community_id: communityId,
      street_id: community.parent_id,
      stage: 'enrolled',
      workflow_id: `seeded-${appId}`,
      submitted_by: submitter.id,
      workflow_started_at: new Date(),
    });
    const from = r.from ?? '2026-01-01';
    const calc = (inc: number) =>
      computeAllowance({
        standard: { effectiveFrom: '2025-07-01', standardFen: 89000, floorPerPersonFen: 3000 },
        incomesFen: [inc, ...Array(members - 1).fill(0)],
      });
    const first = calc(incomeFen);
    const [e] = await db('enrollments')
      .insert({
        application_id: appId,
        household_id: h.id,
        community_id: communityId,
        street_id: community.parent_id,
        category: 'B',
        amount_fen: first.amountFen,
        members,
        status: 'active',
        effective_from: from,
      })
      .returning('id');
    for (const t of [{ from, status: 'active' as const, incomeFen }, ...(r.terms ?? [])]) {
      const c = calc(t.incomeFen ?? incomeFen);
      await db('enrollment_terms').insert({
        enrollment_id: e.id,
        effective_from: t.from,
        status: t.status,
        amount_fen: c.amountFen,
        members,
        total_income_fen: t.incomeFen ?? incomeFen,
        calculation: JSON.stringify(c),
        reason: 'seeded',
      });
    }
    out.push({ enrollmentId: e.id, householdId: h.id, members, totalIncomeFen: incomeFen, account });
  }
  return out;
}
