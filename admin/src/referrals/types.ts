import type { RaRecord } from 'react-admin';
import type { ReferralAction } from '../../../domain/referral-actions';
import type { EducationLevel, FollowUpOutcome } from '../../../domain/referral-stages';
import type { ReferralStage } from '../common/stages';
import type { Decision } from '../common/types';

export type { EducationLevel, FollowUpOutcome, ReferralAction, ReferralStage };

/** What the seeker can do and wants: declared with the batch, corrected at intake. */
export interface SeekerProfile {
  education: EducationLevel;
  skills: string[];
  experience: string;
  maxHoursPerWeek: number | null;
  noPhysicalWork: boolean;
  expectedWageFen: number | null;
  constraintsNote: string;
}

export interface Seeker extends SeekerProfile {
  id: number;
  name: string;
  idNumberMasked: string;
  age: number;
  phone: string;
}

export interface Assessment extends SeekerProfile {
  notes: string;
  by: string;
  at: string;
}

export interface MatchReason {
  factor: 'skills' | 'preferred' | 'distance' | 'wage';
  points: number;
  text: string;
}

/** One ranked opening: the latest ranking only (the workflow re-runs it after each step). */
export interface Match {
  rank: number;
  openingId: number;
  title: string;
  employerName: string;
  streetName: string;
  wageMinFen: number;
  wageMaxFen: number;
  placesLeft: number;
  status: 'open' | 'closed';
  score: number;
  reasons: MatchReason[];
}

export interface Interview {
  id: number;
  openingId: number;
  title: string;
  employerName: string;
  scheduledAt: string;
  place: string;
  outcome: 'hired' | 'not_hired' | null;
  reason: string | null;
  remindedAt: string | null;
}

export type PlacementStatus = 'active' | 'left' | 'retained';

export interface Placement {
  id: number;
  openingId: number;
  employerName: string;
  jobTitle: string;
  wageFen: number;
  startDate: string;
  status: PlacementStatus;
  leftReason: string | null;
}

export type FollowUpMonth = 1 | 3 | 6;
export type FollowUpStatus = 'open' | 'retained' | 'left' | 'cancelled';

export interface FollowUp {
  id: number;
  placementId: number;
  month: FollowUpMonth;
  dueAt: string;
  status: FollowUpStatus;
  reason: string | null;
  recordedAt: string | null;
}

export interface Helper {
  id: number;
  name: string;
  phone: string;
  communityId: number;
  communityName: string;
  active: boolean;
  /** How many seekers she already helps. */
  seekers: number;
}

/** A row of GET /api/referrals; the detail fields come with GET /api/referrals/:id only. */
export interface Referral extends RaRecord {
  id: number;
  seekerId: number;
  seekerName: string;
  idNumberMasked: string;
  age: number;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  enterpriseId: number;
  enterpriseName: string;
  batchId: number | null;
  stage: ReferralStage;
  stageSince: string;
  deadlineAt: string | null;
  overdue: boolean;
  helperId: number | null;
  helperName: string | null;
  workflowId: string;
  createdAt: string;
  // only on getOne:
  seeker?: Seeker;
  assessment?: Assessment | null;
  helper?: { id: number; name: string; phone: string } | null;
  matchedAt?: string | null;
  matches?: Match[];
  proposal?: { openingId: number; title: string; employerName: string } | null;
  interviews?: Interview[];
  placements?: Placement[];
  followUps?: FollowUp[];
  decisions?: Decision[];
  closedReason?: string | null;
  allowedActions?: ReferralAction[];
}

// Bodies of the referral's actions (POST /api/referrals/:id/<action>).

// The referral's action bodies: the API's own schemas (contract/).
export type {
  AssessBody,
  FollowUpBody,
  OutcomeBody,
  ProposeBody,
  RespondBody,
} from '../../../contract/referral-actions';
