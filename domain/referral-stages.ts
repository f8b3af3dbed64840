// Stages of a laid-off worker's referral (下岗失业人员推荐安置), in the order a referral normally
// moves. `placed` lasts through the 1-, 3- and 6-month follow-ups; a seeker who leaves the job
// goes back to `matching`.
export const referralStages = [
  'referred',
  'intake',
  'matching',
  'proposed',
  'interview',
  'placed',
  'closed',
  'withdrawn',
] as const;
export type ReferralStage = (typeof referralStages)[number];

export const closedReferralStages: readonly ReferralStage[] = ['closed', 'withdrawn'];

/** Stages that count against the placement deadline: the seeker is still looking for work. */
export const searchingStages: readonly ReferralStage[] = ['referred', 'intake', 'matching', 'proposed', 'interview'];

export const educationLevels = [
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'college',
  'bachelor',
  'postgraduate',
] as const;
export type EducationLevel = (typeof educationLevels)[number];

export const followUpOutcomes = ['retained', 'left'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];
