import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { helperSchema } from '../../../contract/helpers';
import type { FollowUpBody } from '../../../contract/referral-actions';
import type {
  followUpSchema,
  interviewSchema,
  matchReasonSchema,
  matchSchema,
  referralDetailSchema,
  referralPlacementSchema,
  referralSchema,
  seekerProfileSchema,
} from '../../../contract/referrals';
import type { EducationLevel, FollowUpOutcome } from '../../../domain/referral-stages';
import type { Decision } from '../common/types';

// The referral as the API answers it: types of its own schemas (contract/referrals.ts).

export type { EducationLevel, FollowUpOutcome };

export type SeekerProfile = z.output<typeof seekerProfileSchema>;
export type MatchReason = z.output<typeof matchReasonSchema>;
export type Match = z.output<typeof matchSchema>;
export type Interview = z.output<typeof interviewSchema>;
export type Placement = z.output<typeof referralPlacementSchema>;
export type PlacementStatus = Placement['status'];
export type Helper = z.output<typeof helperSchema>;

/** The API documents the month as a number; it is one a follow-up body names (1, 3, 6), which the dialog sends back. */
export type FollowUp = Omit<z.output<typeof followUpSchema>, 'month'> & { month: FollowUpBody['month'] };
export type FollowUpStatus = FollowUp['status'];

type Detail = z.output<typeof referralDetailSchema>;
type Row = z.output<typeof referralSchema>;

/**
 * A row of GET /api/referrals; the detail fields come with GET /api/referrals/:id only. The
 * timeline is the console's Decision (its stages typed as case stages, which the API documents as strings).
 */
export type Referral = Row &
  Partial<Omit<Detail, keyof Row | 'followUps' | 'decisions'>> & {
    followUps?: FollowUp[];
    decisions?: Decision[];
  } & RaRecord;

// The referral's action bodies: the API's own schemas (contract/).
export type {
  AssessBody,
  FollowUpBody,
  OutcomeBody,
  ProposeBody,
  RespondBody,
} from '../../../contract/referral-actions';
