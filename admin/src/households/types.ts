import type { RaRecord } from 'react-admin';
import type { Category } from '../applications/choices';
import type { Member } from '../common/types';
import type { Stage } from '../common/stages';

export interface Household extends RaRecord {
  id: number;
  headName: string;
  address: string;
  category: Category;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  bankAccountMasked: string | null;
  memberCount: number;
  applicationId: number | null;
  stage: Stage | null;
  members?: Member[]; // only on getOne
}
