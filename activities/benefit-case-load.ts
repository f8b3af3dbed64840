import { ApplicationFailure } from '@temporalio/common';
import type { Knex } from 'knex';
import type { AllowanceCalculation } from '../domain/allowance.js';
import type { BenefitStage, EnrollmentStatus, HouseholdCategory } from '../domain/benefit-stages.js';
import type { EnrollmentState } from '../workflows/benefit-case-messages.js';

// What a starting workflow learns from the projection: a new application is at `submitted`;
// an imported or migrated case may already stand at any stage, with its history.

export interface LoadedCase {
  householdId: number;
  category: HouseholdCategory;
  communityPath: string;
  stage: BenefitStage;
  stageSince: string;
  deadlineAt: string | null;
  overdue: boolean;
  memberIds: number[];
  blocked: boolean;
  calculation: AllowanceCalculation | null;
  enrollment: EnrollmentState | null;
  objections: number;
  seq: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function loadCaseRow(db: Knex, applicationId: number): Promise<LoadedCase> {
  const a = await db('applications as a')
    .join('households as h', 'h.id', 'a.household_id')
    .join('org_units as c', 'c.id', 'a.community_id')
    .where('a.id', applicationId)
    .first('a.*', 'h.category', 'c.path as community_path');
  if (!a) throw ApplicationFailure.nonRetryable(`application ${applicationId} does not exist`, 'NotFoundError');
  const memberIds = await db('household_members')
    .where({ household_id: a.household_id, left_household: false })
    .orderBy('id')
    .pluck('id');
  const [{ max }] = await db('decisions').where({ application_id: applicationId }).max('seq as max');
  const e = await db('enrollments').where({ application_id: applicationId }).first();
  return {
    householdId: a.household_id,
    category: a.category,
    communityPath: a.community_path,
    stage: a.stage,
    stageSince: a.stage_since.toISOString(),
    deadlineAt: iso(a.deadline_at),
    overdue: a.overdue,
    memberIds,
    blocked: Array.isArray(a.duplicates) && a.duplicates.length > 0 && !a.duplicate_override,
    calculation: a.calculation ?? null,
    enrollment: e
      ? {
          id: e.id,
          amountFen: Number(e.amount_fen),
          status: e.status as EnrollmentStatus,
          effectiveFrom: String(e.effective_from),
          nextRecheckAt: iso(e.next_recheck_at),
        }
      : null,
    objections: a.objection_count,
    seq: Number(max ?? 0),
  };
}
