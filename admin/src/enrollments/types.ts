import type { RaRecord } from 'react-admin';
import type { Category } from '../applications/choices';
import type { BenefitAction, Calculation, Decision, Member } from '../common/types';
import type { Stage } from '../common/stages';

export const enrollmentStatuses = ['active', 'suspended', 'terminated'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
export const statusChoices = enrollmentStatuses.map((id) => ({ id, name: `shequ.status.${id}` }));

/** One dated term: what the household is due from effectiveFrom on (newest first). */
export interface Term {
  effectiveFrom: string;
  status: EnrollmentStatus;
  amountFen: number;
  members: number;
  totalIncomeFen: number;
  calculation: Calculation | null;
  reason: string;
  createdAt: string;
}

export interface Enrollment extends RaRecord {
  id: number;
  applicationId: number;
  householdId: number;
  headName: string;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  category: Category;
  amountFen: number;
  members: number;
  status: EnrollmentStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  nextRecheckAt: string | null;
  recheckDue: boolean;
  stage: Stage;
  overdue: boolean;
  deadlineAt: string | null;
  // only on getOne:
  householdMembers?: Member[];
  terms?: Term[];
  decisions?: Decision[];
  allowedActions?: BenefitAction[];
}
