import type { RaRecord } from 'react-admin';
import type { BenefitAction, Calculation, Decision, Member } from '../common/types';
import type { Category } from './choices';
import type { Stage } from '../common/stages';

export type { Member };

export interface DuplicateCase {
  applicationId: number;
  memberName: string;
  idNumberMasked: string;
  stage: Stage;
}

export interface Application extends RaRecord {
  id: number;
  householdId: number;
  headName: string;
  address: string;
  category: Category;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  memberCount: number;
  stage: Stage;
  stageSince: string;
  deadlineAt: string | null;
  overdue: boolean;
  workflowId: string;
  createdAt: string;
  proposedAmountFen?: number | null;
  blocked?: boolean;
  objectionCount?: number;
  // only on getOne:
  members?: Member[];
  calculation?: Calculation | null;
  duplicates?: DuplicateCase[] | null;
  duplicateOverride?: { by: string; reason: string; at: string } | null;
  homeVisit?: { visitedOn: string; notes: string; by: string; at: string } | null;
  decisions?: Decision[];
  enrollmentId?: number | null;
  closedReason?: string | null;
  allowedActions?: BenefitAction[];
}
