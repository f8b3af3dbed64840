import type { RaRecord } from 'react-admin';
import type { Category, Relation } from './choices';
import type { Stage } from './stages';

export interface Member {
  id: number;
  name: string;
  idNumberMasked: string;
  relation: Relation;
  birthDate: string;
  disabled: boolean;
  monthlyIncomeFen: number;
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
  members?: Member[]; // only on getOne
}
