import type { Knex } from 'knex';
import { loadStandards } from './allowance-standards.js';
import type { AllowanceStandard } from '../domain/allowance.js';
import { closedBenefitStages, type HouseholdCategory } from '../domain/benefit-stages.js';
import { parseCaseload, type CaseloadHousehold, type CaseloadRowError } from '../domain/caseload-csv.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import { writeAudit, writeAuditMany, type AuditEvent } from './audit.js';
import { bankAccountColumns, idNumberColumns, piiHash } from './pii.js';

// Loads a bureau's existing caseload: every row is checked (the file by domain/caseload-csv.ts,
// then community codes and active ID numbers against the database), and only a clean file is
// written, in one transaction. Each household becomes an application already at `enrolled`
// with one `import` decision, an enrollment and its first term; its workflow is started
// afterwards by the caller (the API also starts any left unstarted after a crash).

export interface CaseloadImportOptions {
  actor: { id: number; username: string };
  requestId?: string;
  /** Defaults to the allowance_standards table. */
  standards?: readonly AllowanceStandard[];
  dryRun?: boolean;
  now: Date;
  recheckDays: Record<HouseholdCategory, number>;
  daySeconds: number;
  /**
   * Where in the re-check interval a household without next_recheck_on comes due, in [0, 1)
   * (default: at its end). The demo seed spreads a district so not every case is due at once.
   */
  recheckSpread?: () => number;
}

/** What the caller needs to start the case's workflow (see api/benefit-start.ts). */
export interface ImportedCase {
  id: number;
  workflowId: string;
  stage: 'enrolled';
  streetCode: string;
  communityCode: string;
}

export type CaseloadImportResult =
  | {
      ok: true;
      dryRun: boolean;
      households: number;
      members: number;
      enrollments: number;
      totalAmountFen: number;
      applicationIds: number[];
      cases: ImportedCase[];
    }
  | { ok: false; errors: CaseloadRowError[] };

// Serialises imports, so two uploads of overlapping files cannot both pass the active-ID check.
const IMPORT_LOCK = 7423002;
const CHUNK = 1000;

interface Community {
  id: number;
  code: string;
  streetId: number;
  streetCode: string;
}

/** Midnight Asia/Shanghai at the start of a calendar date. */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

export async function importCaseload(
  db: Knex | Knex.Transaction,
  csvText: string,
  opts: CaseloadImportOptions,
): Promise<CaseloadImportResult> {
  const standards = opts.standards ?? (await loadStandards(db));
  const parsed = parseCaseload(csvText, { standards });
  if (!parsed.ok) return parsed;
  const { households } = parsed;

  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
    const errors: CaseloadRowError[] = [];
    const communities = await findCommunities(trx, households, errors);
    await findActiveIdNumbers(trx, households, errors);
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      return { ok: false as const, errors };
    }

    const members = parsed.members;
    const totalAmountFen = households.reduce((n, h) => n + h.amountFen, 0);
    if (opts.dryRun) {
      return {
        ok: true as const,
        dryRun: true,
        households: households.length,
        members,
        enrollments: 0,
        totalAmountFen,
        applicationIds: [],
        cases: [],
      };
    }

    const n = households.length;
    const [householdIds, applicationIds, enrollmentIds] = [
      await nextIds(trx, 'households_id_seq', n),
      await nextIds(trx, 'applications_id_seq', n),
      await nextIds(trx, 'enrollments_id_seq', n),
    ];
    const actor = await trx('users').where({ id: opts.actor.id }).first('id', 'username', 'role');
    if (!actor) throw new Error(`importing user ${opts.actor.id} does not exist`);
    const now = opts.now;

    const nextRecheckAt = (h: CaseloadHousehold) => {
      if (h.nextRecheckOn) return shanghaiMidnight(h.nextRecheckOn);
      const interval = policyDaysToMs(opts.recheckDays[h.category], opts.daySeconds);
      return new Date(now.getTime() + Math.round(interval * (opts.recheckSpread ? opts.recheckSpread() : 1)));
    };

    const rows = households.map((h, i) => {
      const c = communities.get(h.communityCode)!;
      const householdId = householdIds[i];
      const applicationId = applicationIds[i];
      const enrollmentId = enrollmentIds[i];
      return {
        household: {
          id: householdId,
          head_name: h.headName,
          address: h.address,
          community_id: c.id,
          category: h.category,
          ...bankAccountColumns(h.bankAccount),
        },
        members: h.members.map((m) => ({
          household_id: householdId,
          name: m.name,
          ...idNumberColumns(m.idNumber),
          relation: m.relation,
          birth_date: m.birthDate,
          disabled: m.disabled,
          monthly_income_fen: m.monthlyIncomeFen,
          // The amount on file was computed from these figures: they are the verified ones.
          verified_income_fen: m.monthlyIncomeFen,
        })),
        application: {
          id: applicationId,
          household_id: householdId,
          community_id: c.id,
          street_id: c.streetId,
          stage: 'enrolled',
          workflow_id: `benefit-${applicationId}`,
          submitted_by: actor.id,
          stage_since: shanghaiMidnight(h.enrolledFrom),
          proposed_amount_fen: h.amountFen,
          calculation: JSON.stringify(h.calculation),
        },
        decision: {
          application_id: applicationId,
          seq: 1,
          from_stage: null,
          to_stage: 'enrolled',
          decision: 'import',
          actor_id: actor.id,
          actor_name: actor.username, // as the workflow's own transitions record it
          actor_role: actor.role,
          comment: '导入在保家庭 (imported enrolled household)',
          details: JSON.stringify({
            householdRef: h.ref,
            row: h.row,
            enrolledFrom: h.enrolledFrom,
            amountFen: h.amountFen,
          }),
          at: now,
        },
        enrollment: {
          id: enrollmentId,
          application_id: applicationId,
          household_id: householdId,
          community_id: c.id,
          street_id: c.streetId,
          category: h.category,
          amount_fen: h.amountFen,
          members: h.members.length,
          status: 'active',
          effective_from: h.enrolledFrom,
          next_recheck_at: nextRecheckAt(h),
          recheck_due: false,
        },
        term: {
          enrollment_id: enrollmentId,
          effective_from: h.enrolledFrom,
          status: 'active',
          amount_fen: h.amountFen,
          members: h.members.length,
          total_income_fen: h.calculation.totalIncomeFen,
          calculation: JSON.stringify(h.calculation),
          reason: 'import',
          decision_seq: 1,
        },
        audit: {
          action: 'application.import',
          entityType: 'application',
          entityId: applicationId,
          orgUnitId: c.id,
          after: {
            householdId,
            householdRef: h.ref,
            headName: h.headName,
            members: h.members.length,
            category: h.category,
            amountFen: h.amountFen,
            enrolledFrom: h.enrolledFrom,
          },
        } satisfies AuditEvent,
      };
    });

    await insertChunked(
      trx,
      'households',
      rows.map((r) => r.household),
    );
    await insertChunked(
      trx,
      'household_members',
      rows.flatMap((r) => r.members),
    );
    await insertChunked(
      trx,
      'applications',
      rows.map((r) => r.application),
    );
    await insertChunked(
      trx,
      'decisions',
      rows.map((r) => r.decision),
    );
    await insertChunked(
      trx,
      'enrollments',
      rows.map((r) => r.enrollment),
    );
    await insertChunked(
      trx,
      'enrollment_terms',
      rows.map((r) => r.term),
    );

    const auditActor = { user: opts.actor, requestId: opts.requestId };
    await writeAudit(trx, auditActor, {
      action: 'caseload.import',
      entityType: 'caseload',
      entityId: applicationIds[0],
      after: { households: n, members, enrollments: n, totalAmountFen, applicationIds },
    });
    await writeAuditMany(
      trx,
      auditActor,
      rows.map((r) => r.audit),
    );

    const cases: ImportedCase[] = households.map((h, i) => {
      const c = communities.get(h.communityCode)!;
      return {
        id: applicationIds[i],
        workflowId: `benefit-${applicationIds[i]}`,
        stage: 'enrolled',
        streetCode: c.streetCode,
        communityCode: c.code,
      };
    });
    return {
      ok: true as const,
      dryRun: false,
      households: n,
      members,
      enrollments: n,
      totalAmountFen,
      applicationIds,
      cases,
    };
  });
}

async function findCommunities(
  trx: Knex.Transaction,
  households: CaseloadHousehold[],
  errors: CaseloadRowError[],
): Promise<Map<string, Community>> {
  const codes = [...new Set(households.map((h) => h.communityCode))];
  const rows = await trx('org_units as c')
    .leftJoin('org_units as s', 's.id', 'c.parent_id')
    .whereRaw('c.code = ANY(?)', [codes])
    .select('c.id', 'c.code', 'c.kind', 's.id as street_id', 's.code as street_code');
  const found = new Map(rows.map((r) => [r.code as string, r]));
  const out = new Map<string, Community>();
  for (const h of households) {
    const r = found.get(h.communityCode);
    if (!r)
      errors.push({
        row: h.row,
        field: 'community_code',
        message: `没有编码为 ${h.communityCode} 的社区 (no community with code ${h.communityCode})`,
      });
    else if (r.kind !== 'community' || !r.street_id)
      errors.push({
        row: h.row,
        field: 'community_code',
        message: `${h.communityCode} 不是社区 (${h.communityCode} is a ${r.kind}, not a community)`,
      });
    else out.set(h.communityCode, { id: r.id, code: r.code, streetId: r.street_id, streetCode: r.street_code });
  }
  return out;
}

/** One ID number, one active case: a person already in an open or enrolled case is refused (by hash). */
async function findActiveIdNumbers(
  trx: Knex.Transaction,
  households: CaseloadHousehold[],
  errors: CaseloadRowError[],
): Promise<void> {
  const byHash = new Map(households.flatMap((h) => h.members.map((m) => [piiHash(m.idNumber), m] as const)));
  const rows = await trx('household_members as m')
    .join('applications as a', 'a.household_id', 'm.household_id')
    .join('households as h', 'h.id', 'm.household_id')
    .whereRaw('m.id_number_hash = ANY(?)', [[...byHash.keys()]])
    .where('m.left_household', false)
    .whereNotIn('a.stage', closedBenefitStages)
    .orderBy('a.id')
    .select('m.id_number_hash', 'a.id as application_id', 'a.stage', 'h.head_name');
  const reported = new Set<string>();
  for (const r of rows) {
    if (reported.has(r.id_number_hash)) continue;
    reported.add(r.id_number_hash);
    errors.push({
      row: byHash.get(r.id_number_hash)!.row,
      field: 'id_number',
      message: `身份证号已在有效案件 #${r.application_id}（户主 ${r.head_name}，${r.stage}）中 (ID number already in active case ${r.application_id}, stage ${r.stage})`,
    });
  }
}

async function nextIds(trx: Knex.Transaction, sequence: string, n: number): Promise<number[]> {
  const { rows } = await trx.raw(`SELECT nextval(?::regclass)::int AS id FROM generate_series(1, ?)`, [sequence, n]);
  return rows.map((r: { id: number }) => r.id);
}

async function insertChunked(trx: Knex.Transaction, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await trx(table).insert(rows.slice(i, i + CHUNK));
}
