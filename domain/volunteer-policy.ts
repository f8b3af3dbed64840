// A volunteer's clock in policy days: the reminder after a stretch without hours, the yearly
// re-confirmation, and how often the suitability registry is asked before the volunteer is left
// waiting for a person to try again.

export interface VolunteerPolicy {
  daySeconds: number;
  reminderDays: number;
  reconfirmDays: number;
  suitabilityAttempts: number;
  historyLimit: number;
}

export const defaultVolunteerPolicy: VolunteerPolicy = {
  daySeconds: 86400,
  reminderDays: 90,
  reconfirmDays: 365,
  suitabilityAttempts: 5,
  historyLimit: 10_000,
};
