// A referral's clock in policy days (SHEQU_DAY_SECONDS long): how long a seeker may wait for
// a placement before supervisors are told, and when the retention follow-ups fall due. Each
// referral carries the policy it started with.

export interface ReferralPolicy {
  daySeconds: number;
  /** Not placed within this many days of referral (or of leaving a job): overdue. */
  placementDays: number;
  /** Follow-ups after the start date: months 1, 3 and 6, in days. */
  followUpDays: { month: number; days: number }[];
  /** The interview reminder goes out this many days before the interview. */
  reminderDays: number;
  historyLimit: number;
}

export const defaultReferralPolicy: ReferralPolicy = {
  daySeconds: 86400,
  placementDays: 60,
  followUpDays: [
    { month: 1, days: 30 },
    { month: 3, days: 91 },
    { month: 6, days: 182 },
  ],
  reminderDays: 1,
  historyLimit: 10_000,
};

/** "30,91,182": the 1-, 3- and 6-month follow-ups in policy days, strictly increasing. */
export function parseFollowUpDays(text: string): ReferralPolicy['followUpDays'] {
  if (!text.trim()) return defaultReferralPolicy.followUpDays;
  const days = text.split(',').map((s) => Number(s.trim()));
  if (
    days.length !== 3 ||
    days.some((d) => !(d > 0) || !Number.isFinite(d)) ||
    !(days[0] < days[1] && days[1] < days[2])
  ) {
    throw new Error(`"${text}": three increasing positive numbers of days (1, 3 and 6 months), e.g. 30,91,182`);
  }
  return [1, 3, 6].map((month, i) => ({ month, days: days[i] }));
}
