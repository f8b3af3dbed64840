import type { RaRecord } from 'react-admin';
import type { EducationLevel, ReferralStage } from '../referrals/types';

export interface JobSeeker extends RaRecord {
  id: number;
  name: string;
  idNumberMasked: string;
  age: number;
  communityId: number;
  communityName: string;
  streetName: string;
  education: EducationLevel;
  skills: string[];
  /** The latest referral and its stage, or null. */
  referralId: number | null;
  stage: ReferralStage | null;
  // only on getOne:
  referrals?: { id: number; stage: ReferralStage; createdAt: string }[];
}
