import type { Knex } from 'knex';
import { bankAccountColumns, decryptPii, idNumberColumns } from '../pii.js';
import { computeAllowance, standardOn, type AllowanceStandard } from '../../domain/allowance.js';
import type { BenefitPolicy } from '../../domain/benefit-policy.js';
import type { BenefitStage } from '../../domain/benefit-stages.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { policyDaysToMs } from '../../domain/policy-time.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { demoHousehold } from './demo-caseload-csv.js';
import { address, bankAccount, type PeopleFactory, type Person, type Rng } from './demo-people.js';

// Applications in flight at every stage before enrollment, in caseworker1's community, each
// with the timeline the workflow would have written (same decision names, actor usernames,
// seq 1..n), so the console opens on a working office: a queue to review, notices running, a
// few cases overdue, some returned, rejected or withdrawn. workflow_started_at stays NULL: the
// API starts each case's workflow, which adopts the stage and deadline it finds.

type Who = 'caseworker1' | 'reviewer1' | 'approver1' | null;

interface Step {
  to: BenefitStage;
  decision: string;
  by: Who;
  comment?: string;
  /** Policy days spent in the previous stage before this step. */
  dwell: [number, number];
  details?: Record<string, unknown>;
  homeVisit?: boolean;
}

interface Scenario {
  stage: BenefitStage;
  steps: Step[];
  overdue?: boolean;
  /** A member is still in an enrolled household: verification blocks the case on that duplicate. */
  duplicate?: boolean;
}

const visitComments = [
  '入户调查属实，家庭收入与申报一致，建议纳入低保',
  '入户核查情况属实，家庭收入较低，建议纳入',
  '家中无车辆、无其他房产，收入情况属实，同意进入公示',
  '走访邻居情况一致，符合条件，建议公示',
];

/** What the caseworker noted at the home visit, fitting who lives there. */
function visitNote(rng: Rng, people: readonly Person[]): string {
  if (people.length === 1 && people[0].age >= 60) return '老人独居，靠少量养老金生活，家中无其他房产';
  if (people.some((p) => p.disabled)) return '家中有残疾人需长期照料，无车辆，无其他房产';
  if (people.some((p) => p.age < 18)) return '子女在读，家庭主要靠低收入务工维持，无车辆';
  return rng.pick([
    '家中陈设简陋，无车辆，无其他房产',
    people.length > 1 ? '夫妻打零工，收入不稳定，无其他房产' : '本人打零工，收入不稳定，无其他房产',
  ]);
}
const streetApprovals = ['材料齐全，同意上报区民政局', '经审核符合条件，同意', '核对收入证明无误，同意上报'];

const R: Step = { to: 'verifying', decision: 'received', by: null, dwell: [0.01, 0.05] };
const V: Step = { to: 'community_review', decision: 'verified', by: null, dwell: [0.3, 2] };
const CA: Step = { to: 'public_notice', decision: 'approve', by: 'caseworker1', dwell: [1, 6], homeVisit: true };
const NE: Step = {
  to: 'street_review',
  decision: 'notice_ended',
  by: null,
  dwell: [-1, -1],
  details: { objections: 0 },
}; // dwell: the notice period
const SA: Step = { to: 'district_approval', decision: 'approve', by: 'reviewer1', dwell: [1, 6] };
const OBJ: Step = {
  to: 'verifying',
  decision: 'object',
  by: 'caseworker1',
  comment: '群众反映其子女在外地有稳定工作和收入，需重新核查',
  dwell: [1, 4],
  details: { objector: '匿名群众', content: '反映其子女在外地有稳定工作和收入' },
};
const ret = (by: Who, comment: string, dwell: [number, number] = [1, 6]): Step => ({
  to: 'returned',
  decision: 'return',
  by,
  comment,
  dwell,
});
const RS: Step = {
  to: 'verifying',
  decision: 'resubmit',
  by: 'caseworker1',
  comment: '已补充近六个月收入证明，重新提交',
  dwell: [2, 8],
};
const rej = (by: Who, comment: string, dwell: [number, number] = [1, 6]): Step => ({
  to: 'rejected',
  decision: 'reject',
  by,
  comment,
  dwell,
});
const wd = (comment: string, dwell: [number, number] = [1, 5]): Step => ({
  to: 'withdrawn',
  decision: 'withdraw',
  by: 'caseworker1',
  comment,
  dwell,
});

const scenarios: Scenario[] = [
  ...Array.from({ length: 4 }, (): Scenario => ({ stage: 'submitted', steps: [] })),
  ...Array.from({ length: 3 }, (): Scenario => ({ stage: 'verifying', steps: [R] })),
  { stage: 'verifying', steps: [R], duplicate: true },
  { stage: 'verifying', steps: [R], duplicate: true },
  ...Array.from({ length: 5 }, (): Scenario => ({ stage: 'community_review', steps: [R, V] })),
  { stage: 'community_review', steps: [R, V], overdue: true },
  ...Array.from({ length: 4 }, (): Scenario => ({ stage: 'public_notice', steps: [R, V, CA] })),
  { stage: 'public_notice', steps: [R, V, CA, OBJ, V, CA] },
  ...Array.from({ length: 4 }, (): Scenario => ({ stage: 'street_review', steps: [R, V, CA, NE] })),
  { stage: 'street_review', steps: [R, V, CA, NE], overdue: true },
  ...Array.from({ length: 4 }, (): Scenario => ({ stage: 'district_approval', steps: [R, V, CA, NE, SA] })),
  {
    stage: 'district_approval',
    steps: [R, V, CA, NE, ret('reviewer1', '缺少近六个月收入证明，请补充后重新提交'), RS, V, CA, NE, SA],
  },
  { stage: 'returned', steps: [R, V, CA, NE, ret('reviewer1', '缺少近六个月收入证明，请补充后重新提交')] },
  { stage: 'returned', steps: [R, V, CA, NE, ret('reviewer1', '户籍证明与申请表地址不一致，请核实')] },
  { stage: 'returned', steps: [R, V, CA, NE, SA, ret('approver1', '请补充残疾证复印件')] },
  { stage: 'returned', steps: [R, V, CA, NE, ret('reviewer1', '请补充赡养人收入情况说明')], overdue: true },
  { stage: 'rejected', steps: [R, V, rej('caseworker1', '入户调查发现家庭拥有机动车一辆，不符合条件')] },
  { stage: 'rejected', steps: [R, V, CA, NE, rej('reviewer1', '家庭存款超过规定标准，不符合条件')] },
  { stage: 'rejected', steps: [R, V, CA, NE, SA, rej('approver1', '法定赡养人收入较高，有赡养能力，不予批准')] },
  { stage: 'withdrawn', steps: [R, wd('申请人已找到工作，主动撤回申请')] },
  { stage: 'withdrawn', steps: [R, V, wd('申请人家庭情况好转，主动撤回')] },
  { stage: 'withdrawn', steps: [R, V, CA, wd('申请人搬离本社区，主动撤回', [1, 3])] },
];

export const inFlightCount = scenarios.length;

export interface InFlightSpec {
  now: Date;
  /** One id per application, reserved from applications_id_seq. */
  applicationIds: readonly number[];
  policy: BenefitPolicy;
  standards: readonly AllowanceStandard[];
  community: { id: number; streetId: number; name: string; streetCode: string };
  users: Record<Exclude<Who, null>, { id: number; username: string; role: string }>;
}

export interface InFlightResult {
  applications: number;
  byStage: Partial<Record<BenefitStage, number>>;
}

export async function seedInFlightApplications(
  trx: Knex.Transaction,
  rng: Rng,
  people: PeopleFactory,
  spec: InFlightSpec,
): Promise<InFlightResult> {
  const day = policyDaysToMs(1, spec.policy.daySeconds);
  const standard = standardOn(spec.standards, shanghaiDate(spec.now));
  if (!standard) throw new Error(`no allowance standard in force on ${shanghaiDate(spec.now)}`);
  const between = ([lo, hi]: [number, number]) => (lo + rng.next() * (hi - lo)) * day;
  const stageDays = (stage: BenefitStage) =>
    stage === 'public_notice' ? spec.policy.noticeDays : spec.policy.deadlineDays[stage];
  const duplicates = await enrolledAdultChildren(trx, spec.community.id, scenarios.filter((s) => s.duplicate).length);
  const byStage: InFlightResult['byStage'] = {};
  let n = 0;

  for (const sc of scenarios) {
    const size = rng.pick([1, 2, 2, 2, 3, 3, 4]);
    const h = demoHousehold(rng, people, standard.standardFen, size);
    const dup = sc.duplicate ? duplicates.shift() : undefined;
    if (dup) Object.assign(h.people[0], { name: dup.name, idNumber: dup.id_number }); // applies on her own while still on her parents' case
    const calculation = computeAllowance({ standard, incomesFen: h.incomesFen });

    // Walk back from now: time in the current stage, then each step's dwell before it.
    const limit = stageDays(sc.stage);
    const age =
      sc.stage === 'submitted'
        ? between([0.01, 0.2])
        : sc.overdue && limit
          ? between([limit + 1, limit + 4])
          : limit
            ? between([0.2, Math.max(0.4, limit - 1)])
            : between([1, 20]);
    const times: number[] = [];
    let t = spec.now.getTime() - age;
    for (let i = sc.steps.length - 1; i >= 0; i--) {
      times[i] = t;
      const s = sc.steps[i];
      t -= s.dwell[0] < 0 ? spec.policy.noticeDays * day : between(s.dwell);
    }
    const createdAt = new Date(t);
    const stageSince = new Date(sc.steps.length ? times[sc.steps.length - 1] : spec.now.getTime() - age);
    const verified = sc.steps.some((s) => s.decision === 'verified');
    const visited = sc.steps.some((s) => s.homeVisit) && sc.steps.at(-1) !== OBJ;

    const [household] = await trx('households')
      .insert({
        head_name: h.people[0].name,
        address: address(rng, spec.community.streetCode, spec.community.name),
        community_id: spec.community.id,
        category: h.category,
        ...bankAccountColumns(bankAccount(rng)),
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id');
    await trx('household_members').insert(
      h.people.map((p, i) => memberRow(household.id, p, h.incomesFen[i], visited, createdAt)),
    );

    const id = spec.applicationIds[n++];
    const visitStep = sc.steps
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.homeVisit)
      .at(-1);
    const closing = ['rejected', 'withdrawn'].includes(sc.stage) ? sc.steps.at(-1)!.comment : null;
    await trx('applications').insert({
      id,
      household_id: household.id,
      community_id: spec.community.id,
      street_id: spec.community.streetId,
      stage: sc.stage,
      workflow_id: `benefit-${id}`,
      submitted_by: spec.users.caseworker1.id,
      stage_since: stageSince,
      deadline_at: limit ? new Date(stageSince.getTime() + limit * day) : null,
      overdue: Boolean(sc.overdue),
      workflow_started_at: null,
      created_at: createdAt,
      updated_at: stageSince,
      proposed_amount_fen: verified ? calculation.amountFen : null,
      calculation: verified ? JSON.stringify(calculation) : null,
      home_visit:
        visited && visitStep
          ? JSON.stringify({
              visitedOn: shanghaiDate(new Date(times[visitStep[1]] - 0.5 * day)),
              notes: visitNote(rng, h.people),
              by: 'caseworker1',
              at: new Date(times[visitStep[1]]).toISOString(),
            })
          : null,
      objection_count: sc.steps.filter((s) => s.decision === 'object').length,
      closed_reason: closing,
    });

    let from: BenefitStage = 'submitted';
    if (sc.steps.length) {
      await trx('decisions').insert(
        sc.steps.map((s, i) => {
          const actor = s.by ? spec.users[s.by] : null;
          const row = {
            application_id: id,
            seq: i + 1,
            from_stage: from,
            to_stage: s.to,
            decision: s.decision,
            actor_id: actor?.id ?? null,
            actor_name: actor?.username ?? null,
            actor_role: actor?.role ?? null,
            comment:
              s.comment ??
              (s.homeVisit ? rng.pick(visitComments) : s.to === 'district_approval' ? rng.pick(streetApprovals) : ''),
            details: JSON.stringify(
              s.decision === 'verified'
                ? { amountFen: calculation.amountFen, eligible: calculation.eligible }
                : (s.details ?? null),
            ),
            at: new Date(times[i]),
            deadline_at: stageDays(s.to) ? new Date(times[i] + stageDays(s.to)! * day) : null,
          };
          from = s.to;
          return row;
        }),
      );
    }
    byStage[sc.stage] = (byStage[sc.stage] ?? 0) + 1;
  }
  return { applications: scenarios.length, byStage };
}

function memberRow(householdId: number, p: Person, incomeFen: number, visited: boolean, createdAt: Date) {
  return {
    household_id: householdId,
    name: p.name,
    ...idNumberColumns(p.idNumber),
    relation: p.relation,
    birth_date: birthDateFromId(p.idNumber),
    disabled: p.disabled,
    monthly_income_fen: incomeFen,
    verified_income_fen: visited ? incomeFen : null,
    created_at: createdAt,
  };
}

/** Grown-up children still listed on an enrolled household's case, this community's first. */
async function enrolledAdultChildren(
  trx: Knex.Transaction,
  communityId: number,
  n: number,
): Promise<Array<{ name: string; id_number: string }>> {
  return trx('household_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .join('enrollments as e', 'e.household_id', 'h.id')
    .where({ 'm.relation': 'child', 'e.status': 'active' })
    .where('m.birth_date', '<', '2005-01-01')
    .orderByRaw('(h.community_id = ?) DESC, m.id', [communityId])
    .limit(n)
    .select('m.name', 'm.id_number_enc')
    .then((rows) => rows.map((r) => ({ name: r.name, id_number: decryptPii(r.id_number_enc) })));
}
