import type { AllowanceCalculation } from '../../../domain/allowance';
import type { BenefitAction } from '../../../domain/benefit-actions';
import type { Category, Relation } from '../applications/choices';
import type { CaseStage, Stage } from './stages';

// Shapes the API returns that more than one resource shows.

export type { BenefitAction };
export type Calculation = AllowanceCalculation;

export interface Member {
  id: number;
  name: string;
  idNumberMasked: string;
  relation: Relation;
  birthDate: string;
  disabled: boolean;
  monthlyIncomeFen: number;
  verifiedIncomeFen?: number | null;
  leftHousehold?: boolean;
}

/** One transition of a case: the timeline, oldest first. actorName null = the system. */
export interface Decision {
  id: number;
  seq: number;
  fromStage: CaseStage | null;
  toStage: CaseStage;
  decision: string;
  actorName: string | null;
  actorRole: string | null;
  comment: string;
  details: unknown;
  at: string;
}

export type { Category, Stage };
