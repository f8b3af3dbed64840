// Policy days (notice periods, deadlines, re-checks) are counted in "days" whose length is
// configurable (SHEQU_DAY_SECONDS) so demos and tests can compress weeks into seconds
// without any code path differing from production.

export function policyDaysToMs(days: number, daySeconds: number): number {
  if (!(days >= 0) || !(daySeconds > 0)) throw new Error('policy days and day length must be positive');
  return Math.round(days * daySeconds * 1000);
}

export function addPolicyDays(from: Date, days: number, daySeconds: number): Date {
  return new Date(from.getTime() + policyDaysToMs(days, daySeconds));
}
